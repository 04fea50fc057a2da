import { randomUUID } from 'node:crypto';
import { Cluster } from './support/cluster';
import { emptyFigures, finishSuite } from './support/figures';
import {
  operationsOf,
  validValue,
  type OpenApiDocument,
  type Operation,
} from './support/openapi-fuzz';
import { addMember, createKey, createOrganization, signUp, type Person } from './support/people';
import { Random } from './support/random';
import {
  recordingClient,
  Traffic,
  withoutRequestId,
  type Answer,
  type RecordingClient,
} from './support/recording-client';
import { SecretBook, uniquePassword, leaksOfRun } from './support/secret-book';

/**
 * Two tenants. A person and an API key of organization A try every organization endpoint of
 * the OpenAPI document against organization B, and against A with B's people and keys: the
 * answer is the one a non-existent id gets (same status, same body but its request id), it
 * names nothing of B, and nothing is recorded. A login with an unknown email and one with a
 * wrong password cannot be told apart by their answers, throttled or not.
 */
describe('reliability: tenant isolation and indistinguishable logins', () => {
  const figures = emptyFigures();
  const traffic = new Traffic();
  const book = new SecretBook();
  const random = new Random(7);
  let cluster: Cluster;
  let http: RecordingClient;
  let operations: Operation[];
  const a = {} as { owner: Person; orgId: string; key: { id: string; key: string } };
  const b = {} as {
    owner: Person;
    viewer: Person;
    orgId: string;
    name: string;
    key: { id: string; key: string };
  };
  let bSecrets: string[];

  beforeAll(async () => {
    cluster = await Cluster.start(1, { LOGIN_MAX_FAILURES: '5' });
    http = recordingClient(cluster.baseUrl(0), traffic);
    a.owner = await signUp(http, book, 'Alice');
    a.orgId = await createOrganization(http, a.owner, 'Alpha Corp');
    a.key = await createKey(http, book, a.orgId, a.owner);
    b.owner = await signUp(http, book, 'Bob');
    b.viewer = await signUp(http, book, 'Vera');
    b.name = `Bravo-${randomUUID().slice(0, 8)}`;
    b.orgId = await createOrganization(http, b.owner, b.name);
    await addMember(http, b.orgId, b.owner, b.viewer, 'viewer');
    b.key = await createKey(http, book, b.orgId, b.owner, 'Bravo integration');
    bSecrets = [
      b.name,
      b.owner.userId,
      b.viewer.userId,
      b.owner.email,
      b.viewer.email,
      b.key.id,
      'Bravo integration',
      'Bob',
      'Vera',
    ];
    operations = operationsOf((await http.get('/docs-json')).body as OpenApiDocument);
  }, 60_000);

  afterAll(() => finishSuite('isolation', { cluster, traffic, figures }));

  const mentionsB = (answer: Answer): string[] =>
    bSecrets.filter((secret) => answer.text.includes(secret)).map((s) => `mentions ${s}`);

  type Attacker = { label: string; token?: string; apiKey?: string };
  const attackers = (): Attacker[] => [
    { label: 'person of A', token: a.owner.token },
    { label: 'key of A', apiKey: a.key.key },
  ];

  async function attempt(
    operation: Operation,
    attacker: Attacker,
    values: Record<string, string>,
  ): Promise<Answer> {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(values[name] ?? 'x'),
    );
    let body = operation.body ? validValue(operation.body, random) : undefined;
    // the most tempting body: make myself a member, an owner, or a key holder over there
    if (operation.path.endsWith('/invitations') && operation.method === 'POST')
      body = { email: a.owner.email, role: 'owner' };
    if (operation.path.endsWith('/grants'))
      body = { permissions: ['org:write', 'members:write', 'api_keys:write', 'audit:read'] };
    if (operation.path.endsWith('/features')) body = { disabled: ['members', 'api_keys', 'audit'] };
    return http.call(operation.method, path, {
      body,
      token: attacker.token,
      apiKey: attacker.apiKey,
    });
  }

  it('answers every organization endpoint of B to a person and a key of A as if B did not exist', async () => {
    const orgOperations = operations.filter((operation) => operation.path.includes('{orgId}'));
    expect(orgOperations.length).toBeGreaterThanOrEqual(12);
    const head = await cluster.settle();
    const wrong: string[] = [];
    let checked = 0;
    for (const operation of orgOperations) {
      for (const attacker of attackers()) {
        // B's own people and keys in the path, then the same call on ids that exist nowhere
        for (const userId of [b.owner.userId, b.viewer.userId]) {
          const real = { orgId: b.orgId, userId, keyId: b.key.id };
          const ghost = { orgId: randomUUID(), userId: randomUUID(), keyId: 'Zz0Zz0Zz0Zz0Zz0Z' };
          const answer = await attempt(operation, attacker, real);
          const baseline = await attempt(operation, attacker, ghost);
          checked += 1;
          const label = `${attacker.label}: ${operation.method} ${operation.path} on B`;
          if (![401, 404].includes(answer.status)) wrong.push(`${label} → ${answer.status}`);
          if (answer.status !== baseline.status)
            wrong.push(`${label} → ${answer.status}, a missing org → ${baseline.status}`);
          if (
            JSON.stringify(withoutRequestId(answer)) !== JSON.stringify(withoutRequestId(baseline))
          )
            wrong.push(`${label}: body differs from a missing org's: ${answer.text.slice(0, 200)}`);
          wrong.push(...mentionsB(answer).map((m) => `${label}: ${m}`));
          if (answer.text.includes(b.orgId)) wrong.push(`${label}: echoes B's id`);
        }
      }
    }
    for (const operation of orgOperations.filter((o) => o.pathParams.length > 1)) {
      for (const attacker of attackers()) {
        // A's own organization, with B's people and keys as the sub-resource
        const real = { orgId: a.orgId, userId: b.owner.userId, keyId: b.key.id };
        const ghost = { orgId: a.orgId, userId: randomUUID(), keyId: 'Zz0Zz0Zz0Zz0Zz0Z' };
        const answer = await attempt(operation, attacker, real);
        const baseline = await attempt(operation, attacker, ghost);
        checked += 1;
        const label = `${attacker.label}: ${operation.method} ${operation.path} on A with B's ids`;
        if (answer.status !== baseline.status)
          wrong.push(`${label} → ${answer.status}, an unknown id → ${baseline.status}`);
        if (JSON.stringify(withoutRequestId(answer)) !== JSON.stringify(withoutRequestId(baseline)))
          wrong.push(`${label}: body differs from an unknown id's: ${answer.text.slice(0, 200)}`);
        wrong.push(...mentionsB(answer).map((m) => `${label}: ${m}`));
      }
    }
    figures.details.crossTenantAttempts = checked;
    expect(wrong).toEqual([]);
    expect(await cluster.head()).toBe(head);
  });

  it('shows nothing of B in anything A can read, and B is unchanged and working', async () => {
    const readable = operations.filter(
      (operation) =>
        operation.method === 'GET' &&
        !operation.path.includes('{userId}') &&
        !operation.path.includes('{keyId}') &&
        operation.path !== '/docs-json',
    );
    const seen: string[] = [];
    for (const operation of readable) {
      for (const attacker of attackers()) {
        const path = operation.path.replace('{orgId}', a.orgId);
        const answer = await http.get(path, { token: attacker.token, apiKey: attacker.apiKey });
        seen.push(...mentionsB(answer).map((m) => `${attacker.label}: GET ${path}: ${m}`));
        if (answer.status >= 500) seen.push(`${attacker.label}: GET ${path} → ${answer.status}`);
      }
    }
    expect(seen).toEqual([]);
    const members = await http.get(`/orgs/${b.orgId}/members`, { token: b.owner.token });
    expect(
      members.body.items.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort(),
    ).toEqual(
      [
        [b.owner.userId, 'owner'],
        [b.viewer.userId, 'viewer'],
      ].sort(),
    );
    const whoami = await http.get('/integrations/whoami', { apiKey: b.key.key });
    expect(whoami.status).toBe(200);
    expect(whoami.body.permissions).toContain('org:write');
  });

  it('answers a login with an unknown email exactly like one with a wrong password, throttled or not', async () => {
    const gone = await signUp(http, book, 'Gone');
    const deleted = await http.delete('/me', gone.token, {
      confirmation: 'delete my account',
      password: gone.password,
    });
    expect(deleted.status).toBe(204);
    const victim = await signUp(http, book, 'Victim');
    const attempts = {
      'unknown email': { email: `nobody.${randomUUID()}@example.com` },
      'wrong password': { email: victim.email },
      'wrong password, other case and spaces': { email: `  ${victim.email.toUpperCase()} ` },
      'deleted account': { email: gone.email },
    };
    const answers: Record<string, Answer[]> = {};
    const timings: Record<string, number[]> = {};
    for (let round = 0; round < 7; round++) {
      for (const [label, { email }] of Object.entries(attempts)) {
        const password = uniquePassword();
        book.password(password);
        const started = process.hrtime.bigint();
        const answer = await http.post('/auth/login', { email, password });
        (timings[label] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
        (answers[label] ??= []).push(answer);
      }
    }
    // the two cases of the victim's email share one throttle: compare each with its own round
    const shape = (answer: Answer) => ({
      status: answer.status,
      contentType: answer.headers['content-type'],
      retryAfter: answer.headers['retry-after'] !== undefined,
      headers: Object.keys(answer.headers)
        .filter((name) => !['date', 'x-request-id', 'retry-after', 'etag'].includes(name))
        .sort(),
      body: withoutRequestId(answer),
    });
    const reference = (answers['unknown email'] ?? []).map(shape);
    expect(reference.slice(0, 5).map((s) => s.status)).toEqual([401, 401, 401, 401, 401]);
    expect(reference.slice(5).map((s) => s.status)).toEqual([429, 429]);
    expect((answers['deleted account'] ?? []).map(shape)).toEqual(reference);
    const victimAnswers = [
      ...(answers['wrong password'] ?? []),
      ...(answers['wrong password, other case and spaces'] ?? []),
    ].map(shape);
    // 14 failures on one email: 5 answered 401, the rest 429, each the unknown email's twin
    expect(victimAnswers.filter((s) => s.status === 401)).toEqual(reference.slice(0, 5));
    expect(victimAnswers.filter((s) => s.status === 429)).toEqual(
      victimAnswers.filter((s) => s.status === 429).map(() => reference[6]),
    );
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];
    figures.details.loginMedianMs = Object.fromEntries(
      Object.entries(timings).map(([label, values]) => [label, median(values)]),
    );
  });

  it('answered no request with a 5xx', () => {
    expect(traffic.serverErrors).toEqual([]);
  });

  it('leaves no password, session token or API key in any log line, data file or error body', async () => {
    await cluster.stop();
    const leaks = leaksOfRun(book, { cluster, traffic, figures });
    expect(leaks).toEqual([]);
  });
});
