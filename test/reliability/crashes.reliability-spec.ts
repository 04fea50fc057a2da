import { join } from 'node:path';
import { accountStream, apiKeyStream, sessionStream } from '@app/domain';
import { Projector } from '../../apps/projector/src/projector';
import { PROJECTIONS } from '../../apps/projector/src/projections';
import { SqliteReadStore } from '@app/read-store/sqlite-read-store';
import { Cluster } from './support/cluster';
import { emptyFigures, finishSuite } from './support/figures';
import { createOrganization, signUp, type Person } from './support/people';
import { Random, runSeed, sleep } from './support/random';
import {
  ConnectionError,
  recordingClient,
  Traffic,
  type Answer,
  type RecordingClient,
} from './support/recording-client';
import { SecretBook, leaksOfRun } from './support/secret-book';

/** What a worker knows of each credential it handled: known outcomes, and unknown ones. */
type KeyState = 'active' | 'deleted' | 'delete-unknown';
type TokenState = 'valid' | 'ended' | 'logout-unknown';

interface Worker {
  readonly index: number;
  readonly person: Person;
  readonly orgId: string;
  readonly keys: Map<string, { key: string; state: KeyState }>;
  readonly tokens: Map<string, TokenState>;
  /** Renames in the order sent: the last acknowledged one and the unknown ones after it. */
  readonly renames: { name: string; outcome: 'ok' | 'unknown' }[];
  unknownCreates: number;
  unknownLogins: number;
  sequence: number;
}

const WORKERS = 6;
const KILL_ROUNDS = 6;

/**
 * Two api instances and the projector as real processes on one DATA_DIR, under a steady
 * load of renames, key creations and deletions, logins and logouts, while the projector and
 * each api instance are SIGKILLed at random moments and restarted. Afterwards every
 * acknowledged write is in the log, every credential that was valid still is on both
 * instances, every revoked one still is not, and the read models equal a rebuild.
 */
describe('reliability: SIGKILL of the projector and the api under load', () => {
  const figures = emptyFigures();
  const traffic = new Traffic();
  const book = new SecretBook();
  const violations: string[] = [];
  const random = new Random(runSeed(20_251_127));
  const workers: Worker[] = [];
  const unknownOutcomes = { renames: 0, creates: 0, deletes: 0, logins: 0, logouts: 0 };
  const serviceUnavailable: string[] = [];
  let cluster: Cluster;
  let instances: RecordingClient[];

  beforeAll(async () => {
    cluster = await Cluster.start(2);
    instances = [0, 1].map((i) =>
      recordingClient(cluster.baseUrl(i), traffic, { retryStaleSocket: false }),
    );
    for (let index = 0; index < WORKERS; index++) {
      const http = instances[index % 2] as RecordingClient;
      const person = await signUp(http, book, `Worker${index}`);
      const orgId = await createOrganization(http, person, `Crash org ${index}`);
      workers.push({
        index,
        person,
        orgId,
        keys: new Map(),
        tokens: new Map([[person.token, 'valid']]),
        renames: [],
        unknownCreates: 0,
        unknownLogins: 0,
        sequence: 0,
      });
    }
  }, 60_000);

  afterAll(() =>
    finishSuite(
      'crashes',
      { cluster, traffic, figures },
      {
        seed: random.seed,
        unknownOutcomes,
        serviceUnavailable: serviceUnavailable.length,
        violations: violations.slice(0, 20),
      },
    ),
  );

  /**
   * One request of the load: the answer, `refused` (never processed) or `unknown` (the
   * connection broke with its instance). Refused, it fails over to the other instance once,
   * as a load balancer would: nothing was processed, so resending is safe.
   */
  async function attempt(
    send: (http: RecordingClient) => Promise<Answer>,
    instance = random.int(0, 1),
    failover = true,
  ): Promise<Answer | 'refused' | 'unknown'> {
    for (const target of failover ? [instance, 1 - instance] : [instance]) {
      try {
        const answer = await send(instances[target] as RecordingClient);
        if (answer.status === 503) serviceUnavailable.push(answer.text);
        return answer;
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        if (!error.refused) return 'unknown';
      }
    }
    await sleep(20);
    return 'refused';
  }

  /**
   * Right after a 204 that revoked a credential on one instance, uses it on the other one,
   * which learns of it through its live subscription (DESIGN.md: within 50 ms at p99). A 200
   * there is recorded with how long the other instance kept accepting it.
   */
  const crossInstance = { checks: 0, acceptedAfterRevocation: [] as string[], maxWindowMs: 0 };
  async function checkOtherInstance(
    what: string,
    instance: number,
    use: (http: RecordingClient) => Promise<Answer>,
  ): Promise<void> {
    const revokedAt = Date.now();
    const first = await attempt(use, instance, false);
    if (typeof first === 'string') return;
    crossInstance.checks += 1;
    if (first.status === 401) return;
    let status = first.status;
    while (status !== 401 && Date.now() - revokedAt < 2000) {
      const next = await attempt(use, instance, false);
      if (typeof next === 'string') return;
      status = next.status;
    }
    const windowMs = Date.now() - revokedAt;
    crossInstance.maxWindowMs = Math.max(crossInstance.maxWindowMs, windowMs);
    crossInstance.acceptedAfterRevocation.push(
      `${what}: answered ${first.status} on instance ${instance} right after its revocation, ` +
        `refused ${windowMs} ms later`,
    );
  }

  async function step(worker: Worker): Promise<void> {
    const token = worker.person.token;
    const activeKeys = [...worker.keys].filter(([, entry]) => entry.state === 'active');
    const extraTokens = [...worker.tokens].filter(
      ([candidate, state]) => state === 'valid' && candidate !== token,
    );
    const operation = random.weighted([
      ['rename', 30],
      ['create-key', 22],
      ['delete-key', activeKeys.length > 2 ? 14 : 0],
      ['login', 14],
      ['logout', extraTokens.length > 1 ? 6 : 0],
      ['whoami', activeKeys.length > 0 ? 10 : 0],
      ['read-profile', 4],
    ] as const);
    const label = `worker ${worker.index} ${operation}`;
    const expectStatus = (answer: Answer, expected: number) => {
      if (answer.status !== expected && answer.status !== 503)
        violations.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
      return answer.status === expected;
    };

    switch (operation) {
      case 'rename': {
        const name = `W${worker.index}n${(worker.sequence += 1)}`;
        const answer = await attempt((http) => http.patch('/me', { firstName: name }, token));
        if (answer === 'unknown') {
          worker.renames.push({ name, outcome: 'unknown' });
          unknownOutcomes.renames += 1;
        } else if (answer !== 'refused' && expectStatus(answer, 200)) {
          worker.renames.push({ name, outcome: 'ok' });
        }
        return;
      }
      case 'create-key': {
        const answer = await attempt((http) =>
          http.post(`/orgs/${worker.orgId}/api-keys`, { description: 'under fire' }, token),
        );
        if (answer === 'unknown') {
          worker.unknownCreates += 1;
          unknownOutcomes.creates += 1;
        } else if (answer !== 'refused' && expectStatus(answer, 201)) {
          book.apiKey(answer.body.key);
          worker.keys.set(answer.body.id, { key: answer.body.key, state: 'active' });
        }
        return;
      }
      case 'delete-key': {
        const [id, entry] = random.pick(activeKeys);
        const instance = random.int(0, 1);
        // no failover: the other instance is the one checked right after
        const answer = await attempt(
          (http) => http.delete(`/orgs/${worker.orgId}/api-keys/${id}`, token),
          instance,
          false,
        );
        if (answer === 'unknown') {
          entry.state = 'delete-unknown';
          unknownOutcomes.deletes += 1;
        } else if (answer !== 'refused' && expectStatus(answer, 204)) {
          entry.state = 'deleted';
          await checkOtherInstance(`key ${id}`, 1 - instance, (http) =>
            http.get('/integrations/whoami', { apiKey: entry.key }),
          );
        }
        return;
      }
      case 'login': {
        const answer = await attempt((http) =>
          http.post('/auth/login', {
            email: worker.person.email,
            password: worker.person.password,
          }),
        );
        if (answer === 'unknown') {
          worker.unknownLogins += 1;
          unknownOutcomes.logins += 1;
        } else if (answer !== 'refused' && expectStatus(answer, 200)) {
          book.sessionToken(answer.body.accessToken);
          worker.tokens.set(answer.body.accessToken, 'valid');
        }
        return;
      }
      case 'logout': {
        const [ending] = random.pick(extraTokens);
        const instance = random.int(0, 1);
        const answer = await attempt(
          (http) => http.call('POST', '/auth/logout', { token: ending }),
          instance,
          false,
        );
        if (answer === 'unknown') {
          worker.tokens.set(ending, 'logout-unknown');
          unknownOutcomes.logouts += 1;
        } else if (answer !== 'refused' && expectStatus(answer, 204)) {
          worker.tokens.set(ending, 'ended');
          await checkOtherInstance(`session of worker ${worker.index}`, 1 - instance, (http) =>
            http.get('/me', { token: ending }),
          );
        }
        return;
      }
      case 'whoami': {
        const [, entry] = random.pick(activeKeys);
        const answer = await attempt((http) =>
          http.get('/integrations/whoami', { apiKey: entry.key }),
        );
        if (typeof answer !== 'string') expectStatus(answer, 200);
        return;
      }
      case 'read-profile': {
        const answer = await attempt((http) => http.get('/me', { token }));
        if (typeof answer !== 'string') expectStatus(answer, 200);
        return;
      }
    }
  }

  /**
   * The revoking instance refuses at once (the e2e suites prove it); another instance learns of
   * the revocation through its live subscription. DESIGN.md sets the bound: refused there
   * within 50 ms (p99) of the answer that revoked it.
   */
  it('refuses on one instance a key deleted and a session ended on the other within 50 ms (p99, DESIGN.md)', async () => {
    const [a, b] = instances as [RecordingClient, RecordingClient];
    const person = (workers[0] as Worker).person;
    const orgId = (workers[0] as Worker).orgId;
    const windows: number[] = [];
    const refusedWithin = async (use: () => Promise<Answer>) => {
      const revokedAt = Date.now();
      let status = (await use()).status;
      while (status !== 401 && Date.now() - revokedAt < 2000) status = (await use()).status;
      expect(status).toBe(401);
      windows.push(Date.now() - revokedAt);
    };
    for (let i = 0; i < 30; i++) {
      const created = await a.post(
        `/orgs/${orgId}/api-keys`,
        { description: 'quiet' },
        person.token,
      );
      book.apiKey(created.body.key);
      expect((await b.get('/integrations/whoami', { apiKey: created.body.key })).status).toBe(200);
      expect(
        (await a.delete(`/orgs/${orgId}/api-keys/${created.body.id}`, person.token)).status,
      ).toBe(204);
      await refusedWithin(() => b.get('/integrations/whoami', { apiKey: created.body.key }));

      const login = await a.post('/auth/login', { email: person.email, password: person.password });
      book.sessionToken(login.body.accessToken);
      expect((await b.get('/me', { token: login.body.accessToken })).status).toBe(200);
      expect((await a.call('POST', '/auth/logout', { token: login.body.accessToken })).status).toBe(
        204,
      );
      await refusedWithin(() => b.get('/me', { token: login.body.accessToken }));
    }
    const sorted = [...windows].sort((x, y) => x - y);
    const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Infinity;
    figures.details.crossInstanceRevocationQuiet = {
      checks: windows.length,
      p50Ms: sorted[Math.floor(sorted.length / 2)],
      p99Ms: p99,
      maxMs: sorted.at(-1),
    };
    expect(p99).toBeLessThan(50);
  });

  it('keeps serving and recording while the projector and each api instance are SIGKILLed at random moments', async () => {
    let running = true;
    const load = workers.map(async (worker) => {
      while (running) await step(worker);
    });
    const faults = (async () => {
      for (let round = 0; round < KILL_ROUNDS; round++) {
        await sleep(random.int(200, 700));
        await cluster.killProjector();
        await sleep(random.int(20, 400));
        cluster.restartProjector();
        await sleep(random.int(200, 700));
        const api = round % 2;
        await cluster.killApi(api);
        await sleep(random.int(20, 300));
        await cluster.restartApi(api);
      }
      // and once everything at the same moment
      await sleep(random.int(200, 700));
      await Promise.all([cluster.killProjector(), cluster.killApi(0), cluster.killApi(1)]);
      await sleep(random.int(20, 300));
      cluster.restartProjector();
      await Promise.all([cluster.restartApi(0), cluster.restartApi(1)]);
      await sleep(300);
    })();
    try {
      await faults;
    } finally {
      running = false;
      await Promise.all(load);
    }
    figures.details.kills = cluster.faults;
    expect(cluster.faults).toBe(2 * KILL_ROUNDS + 3);
    expect(violations).toEqual([]);
    expect(traffic.serverErrors.filter((error) => error.status !== 503)).toEqual([]);
  }, 120_000);

  it('under load, closes the window in which the other instance still accepts a revoked credential within 500 ms', () => {
    figures.details.crossInstanceRevocationUnderLoad = {
      checks: crossInstance.checks,
      acceptedRightAfterRevocation: crossInstance.acceptedAfterRevocation.length,
      maxWindowMs: crossInstance.maxWindowMs,
    };
    expect(crossInstance.checks).toBeGreaterThan(50);
    // the bound test/two-instances.e2e-spec.ts sets; API.md's own promise is checked above
    expect(crossInstance.maxWindowMs).toBeLessThan(500);
  });

  it('has every acknowledged write in the log, and the last acknowledged name in every profile', async () => {
    await cluster.settle();
    const codec = await cluster.codec();
    const lost: string[] = [];
    for (const worker of workers) {
      const account = await cluster.streamEvents(accountStream(worker.person.userId));
      const names = await Promise.all(
        account
          .filter((event) => event.type === 'NameChanged')
          .map(async (event) => String((await codec.decode(event)).data.firstName)),
      );
      for (const rename of worker.renames) {
        if (rename.outcome === 'ok' && !names.includes(rename.name))
          lost.push(`worker ${worker.index}: rename ${rename.name} acknowledged, not in the log`);
      }
      // no acknowledged rename was overwritten by an older one: the log ends on the last one
      // acknowledged, or on one sent after it whose answer was lost with its instance
      const lastOk = worker.renames.map((r) => r.outcome).lastIndexOf('ok');
      const acceptable = worker.renames.slice(Math.max(lastOk, 0)).map((r) => r.name);
      if (lastOk >= 0 && !acceptable.includes(names.at(-1) as string))
        lost.push(
          `worker ${worker.index}: log ends on ${names.at(-1)}, expected one of ${acceptable}`,
        );
      for (const http of instances) {
        const profile = await http.get('/me', { token: worker.person.token });
        if (profile.status !== 200 || profile.body.firstName !== names.at(-1))
          lost.push(`worker ${worker.index}: profile ${profile.status} ${profile.body?.firstName}`);
      }
      for (const [id, entry] of worker.keys) {
        const types = (await cluster.streamEvents(apiKeyStream(id))).map((event) => event.type);
        if (!types.includes('ApiKeyIssued')) lost.push(`key ${id}: 201 without ApiKeyIssued`);
        if (entry.state === 'deleted' && !types.includes('ApiKeyRevoked'))
          lost.push(`key ${id}: 204 without ApiKeyRevoked`);
      }
      for (const [token, state] of worker.tokens) {
        const sessionId = token.slice(3, token.indexOf('.'));
        const types = (await cluster.streamEvents(sessionStream(sessionId))).map((e) => e.type);
        if (!types.includes('SessionStarted')) lost.push(`session ${sessionId}: no SessionStarted`);
        if (state === 'ended' && !types.includes('SessionEnded'))
          lost.push(`session ${sessionId}: 204 logout without SessionEnded`);
      }
    }
    figures.lostUpdates += lost.length;
    figures.details.acknowledged = {
      renames: workers.reduce((n, w) => n + w.renames.filter((r) => r.outcome === 'ok').length, 0),
      keys: workers.reduce((n, w) => n + w.keys.size, 0),
      deletedKeys: workers.reduce(
        (n, w) => n + [...w.keys.values()].filter((k) => k.state === 'deleted').length,
        0,
      ),
      sessions: workers.reduce((n, w) => n + w.tokens.size, 0),
    };
    expect(lost).toEqual([]);
    expect(workers.every((worker) => worker.renames.some((r) => r.outcome === 'ok'))).toBe(true);
  });

  it('accepts every credential that was valid and refuses every revoked one, on both instances', async () => {
    const wrong: string[] = [];
    for (const worker of workers) {
      for (const [id, entry] of worker.keys) {
        let expected = entry.state === 'active' ? 200 : 401;
        if (entry.state === 'delete-unknown') {
          const types = (await cluster.streamEvents(apiKeyStream(id))).map((e) => e.type);
          expected = types.includes('ApiKeyRevoked') ? 401 : 200;
        }
        for (const [i, http] of instances.entries()) {
          const answer = await http.get('/integrations/whoami', { apiKey: entry.key });
          if (answer.status !== expected)
            wrong.push(`key ${id} (${entry.state}) on instance ${i}: ${answer.status}`);
        }
      }
      for (const [token, state] of worker.tokens) {
        let expected = state === 'valid' ? 200 : 401;
        if (state === 'logout-unknown') {
          const sessionId = token.slice(3, token.indexOf('.'));
          const types = (await cluster.streamEvents(sessionStream(sessionId))).map((e) => e.type);
          expected = types.includes('SessionEnded') ? 401 : 200;
        }
        for (const [i, http] of instances.entries()) {
          const answer = await http.get('/me', { token });
          if (answer.status !== expected)
            wrong.push(
              `session of worker ${worker.index} (${state}) on instance ${i}: ${answer.status}`,
            );
        }
      }
    }
    const checked = workers.reduce((n, w) => n + w.keys.size + w.tokens.size, 0);
    figures.details.credentialsChecked = checked;
    expect(checked).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });

  it('ends with read models equal to a rebuild of the log from position 0', async () => {
    await cluster.settle();
    await cluster.stopProjector();
    const storage = await cluster.storage();
    const scratch = new SqliteReadStore(join(cluster.dataDir, 'scratch.sqlite'));
    try {
      await new Projector(
        storage.eventStore,
        scratch,
        await cluster.codec(),
        PROJECTIONS,
      ).rebuild();
      const differing: string[] = [];
      for (const { collection } of PROJECTIONS) {
        const live = await storage.readStore.all(collection.name);
        const rebuilt = await scratch.all(collection.name);
        if (JSON.stringify(live) !== JSON.stringify(rebuilt)) differing.push(collection.name);
        expect(live).toEqual(rebuilt);
      }
      expect(differing).toEqual([]);
    } finally {
      await scratch.close();
    }
  });

  it('answered no request with a 5xx', () => {
    figures.details.serviceUnavailableDuringFaults = serviceUnavailable.length;
    expect(traffic.serverErrors).toEqual([]);
  });

  it('leaves no password, session token or API key in any log line, data file or error body', async () => {
    await cluster.stop();
    const leaks = leaksOfRun(book, { cluster, traffic, figures });
    expect(leaks).toEqual([]);
  });
});
