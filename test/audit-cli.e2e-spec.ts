import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { joinByInvitation } from './support/membership';
import { readStoreEnv } from './support/read-store-under-test';
import {
  API_MAIN,
  freePort,
  PROJECTOR_MAIN,
  startProcess,
  waitForHealth,
  type ServiceProcess,
} from './support/service-processes';

const AUDIT_MAIN = resolve(__dirname, '../dist/apps/audit/src/main.js');
const PHRASE = 'delete my account';
const TAMPER_MARKER = 'Tamper-Me-42';
/** Renames per person: with the rest of the story, well over 300 events to replay. */
const RENAMES = 120;
const LAST_NAME = `Name-${RENAMES - 1}`;

interface AuditRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type Person = Awaited<ReturnType<typeof registerAndLogin>>;

type Exported = {
  position: string;
  stream: string;
  revision: number;
  type: string;
  occurredAt: string;
  actor: unknown;
  correlationId: string;
  data: Record<string, unknown>;
};

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
const parseNdjson = (text: string): Exported[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Exported);

/**
 * `npm run audit` as a separate process on the DATA_DIR of a real api and projector: the
 * history is made over HTTP, then exported, verified, replayed and queried as of a moment in
 * the past, and finally tampered with on disk, which `verify` and `replay` must notice.
 */
describe('audit command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
  const storeEnv = readStoreEnv('audit_cli');
  const processes: ServiceProcess[] = [];
  let http: HttpClient;
  let people: Record<'owner' | 'dev' | 'gone' | 'other', Person>;
  let orgId: string;
  let asOf: string;
  const PENDING_EMAIL = `pending.${Date.now()}@example.com`;
  let doomedKeyId: string;
  let tamperKeyId: string;

  const audit = (args: string[]): Promise<AuditRun> => {
    if (!existsSync(AUDIT_MAIN))
      throw new Error(`${AUDIT_MAIN} is missing: run npm run build first`);
    const child = spawn(process.execPath, [AUDIT_MAIN, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ...storeEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    return new Promise((resolveRun, reject) => {
      child.once('error', reject);
      child.once('close', (code) =>
        resolveRun({
          code,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
    });
  };

  const exportAll = async () => {
    const run = await audit(['export']);
    if (run.code !== 0) throw new Error(`export failed: ${run.stderr}`);
    return parseNdjson(run.stdout);
  };

  const expectStatus = async (call: Promise<{ status: number; body: unknown }>, status: number) => {
    const answer = await call;
    if (answer.status !== status)
      throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as any;
  };

  beforeAll(async () => {
    const env = { DATA_DIR: dataDir, BCRYPT_COST: '4', LOG_LEVEL: 'warn', ...storeEnv };
    const port = await freePort();
    processes.push(startProcess(API_MAIN, { ...env, PORT: String(port) }));
    processes.push(startProcess(PROJECTOR_MAIN, env));
    await waitForHealth(`http://127.0.0.1:${port}`);
    http = httpClient(`http://127.0.0.1:${port}`);

    const person = (name: string) => registerAndLogin(http, { firstName: `First-${name}` });
    people = {
      owner: await person('owner'),
      dev: await person('dev'),
      gone: await person('gone'),
      other: await person('other'),
    };
    const { owner, dev, gone, other } = people;
    orgId = (await expectStatus(http.post('/orgs', { name: 'Acme' }, owner.token), 201))
      .organizationId;
    const keys = `/orgs/${orgId}/api-keys`;
    const member = (person: { email: string; token: string }, role: string) =>
      expectStatus(joinByInvitation(http, orgId, person, role, owner.token), 200);
    await member(gone, 'admin');
    await member(dev, 'developer');
    doomedKeyId = (await expectStatus(http.post(keys, { description: 'Doomed' }, owner.token), 201))
      .id;
    tamperKeyId = (
      await expectStatus(http.post(keys, { description: TAMPER_MARKER }, owner.token), 201)
    ).id;

    await expectStatus(
      http.post(
        `/orgs/${orgId}/invitations`,
        { email: PENDING_EMAIL, role: 'auditor' },
        owner.token,
      ),
      201,
    );

    await sleep(30);
    asOf = new Date().toISOString();
    await sleep(30);

    const devPath = `/orgs/${orgId}/members/${dev.userId}`;
    await expectStatus(http.patch(devPath, { role: 'viewer' }, owner.token), 200);
    await expectStatus(http.delete(`${keys}/${doomedKeyId}`, owner.token), 204);
    await member(other, 'viewer');
    await expectStatus(http.delete(`/orgs/${orgId}/members/${other.userId}`, owner.token), 204);
    await expectStatus(http.post(keys, { description: 'Gone-Key' }, gone.token), 201);
    await expectStatus(http.patch('/me', { firstName: 'Renamed-gone' }, gone.token), 200);
    const deletion = { confirmation: PHRASE, password: gone.password };
    await expectStatus(http.delete('/me', gone.token, deletion), 204);

    // A long history for the replay: renames by two people and keys made and deleted.
    const renames = async (someone: Person, count: number) => {
      for (let i = 0; i < count; i++)
        await expectStatus(http.patch('/me', { lastName: `Name-${i}` }, someone.token), 200);
    };
    const churnKeys = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const key = await expectStatus(http.post(keys, { description: `k${i}` }, owner.token), 201);
        if (i % 3 !== 0) await expectStatus(http.delete(`${keys}/${key.id}`, owner.token), 204);
      }
    };
    await Promise.all([renames(owner, RENAMES), renames(dev, RENAMES), churnKeys(45)]);

    // The erasure cascade runs in the projector process: wait until the data key is gone.
    for (let attempt = 0; ; attempt++) {
      const registered = (await exportAll()).find(
        (event) => event.stream === `account-${gone.userId}` && event.type === 'AccountRegistered',
      );
      if (registered?.data.email === null) break;
      if (attempt === 40) throw new Error('the deleted account was never erased');
      await sleep(250);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((service) => service.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers --help for itself and each command, and exits 2 on an unknown command', async () => {
    const help = await audit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('as-of TIMESTAMP --org ORG_ID');
    const commands = ['export', 'verify', 'replay', 'as-of'];
    const helps = await Promise.all(commands.map((command) => audit([command, '--help'])));
    helps.forEach((commandHelp, i) => {
      expect(commandHelp.code).toBe(0);
      expect(commandHelp.stdout).toContain(`npm run audit -- ${commands[i]}`);
    });
    const unknown = await audit(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('npm run audit -- <command>');
    expect((await audit(['export', '--after', 'yesterday'])).code).toBe(2);
  }, 20_000);

  it('exports the history as NDJSON: decrypted where the person exists, erased and redacted otherwise', async () => {
    const { owner, dev, gone } = people;
    const run = await audit(['export']);
    expect(run.code).toBe(0);
    const events = parseNdjson(run.stdout);
    expect(events.length).toBeGreaterThan(300);
    const positions = events.map((event) => BigInt(event.position));
    positions.slice(1).forEach((position, i) => expect(position > positions[i]!).toBe(true));
    const types = new Set(events.map((event) => event.type));
    for (const type of [
      'AccountRegistered',
      'NameChanged',
      'SessionStarted',
      'OrganizationCreated',
      'MemberInvited',
      'InvitationAccepted',
      'MemberRoleChanged',
      'MemberRemoved',
      'ApiKeyIssued',
      'ApiKeyRevoked',
      'AccountDeleted',
    ])
      expect(types).toContain(type);
    expect(events[0]).toEqual({
      position: expect.any(String),
      stream: expect.any(String),
      revision: expect.any(Number),
      type: expect.any(String),
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actor: expect.anything(),
      correlationId: expect.any(String),
      causationId: expect.any(String),
      data: expect.any(Object),
    });

    expect(run.stdout).toContain(owner.email);
    expect(run.stdout).toContain(dev.email);
    expect(run.stdout).not.toContain(gone.email);
    expect(run.stdout).not.toContain('Renamed-gone');
    expect(run.stdout).not.toContain('First-gone');
    const goneRegistered = events.find(
      (event) => event.stream === `account-${gone.userId}` && event.type === 'AccountRegistered',
    );
    expect(goneRegistered?.data).toMatchObject({ userId: gone.userId, email: null });

    const hashes = events.filter((event) => 'passwordHash' in event.data);
    expect(hashes.length).toBeGreaterThanOrEqual(4);
    for (const event of hashes) expect(event.data.passwordHash).toBe('[redacted]');
    // no email hash either: redacted where it is readable, null where it was erased (the
    // AccountDeleted of an erased account holds it as personal data), never in clear
    const withHash = events.filter((event) => 'emailHash' in event.data);
    for (const event of withHash) expect([null, '[redacted]']).toContain(event.data.emailHash);
    expect(withHash.some((event) => event.data.emailHash === '[redacted]')).toBe(true);
    const deletions = events.filter((event) => event.type === 'AccountDeleted');
    expect(deletions.length).toBeGreaterThan(0);
    for (const event of deletions) expect(event.data.emailHash).toBeNull();
    const emailStreams = events.filter((event) => event.stream.startsWith('email-'));
    expect(emailStreams.length).toBeGreaterThan(0);
    for (const event of emailStreams) expect(event.stream).toBe('email-[redacted]');
    expect(run.stdout).not.toMatch(/\$2[aby]\$/); // no bcrypt hash anywhere

    const middle = events[Math.floor(events.length / 2)]!.position;
    const later = await audit(['export', '--after', middle]);
    expect(later.code).toBe(0);
    const tail = parseNdjson(later.stdout);
    expect(tail.length).toBeGreaterThan(0);
    for (const event of tail) expect(BigInt(event.position) > BigInt(middle)).toBe(true);
    expect(tail[0]).toEqual(events.find((event) => BigInt(event.position) > BigInt(middle)));
  }, 20_000);

  it('keeps stdout pure NDJSON: progress goes to stderr, and into a pipe only with --progress', async () => {
    const quiet = await audit(['export']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const reported = await audit(['export', '--progress']);
    expect(reported.code).toBe(0);
    const lines = reported.stdout.split('\n').filter((line) => line !== '');
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(lines.length).toBe(parseNdjson(quiet.stdout).length);
    expect(reported.stdout).not.toContain('events/s');
    expect(reported.stderr).toMatch(
      /^audit export: [\d,]+ of [\d,]+ events \(\d+%\), [\d,]+ events\/s, [\w ]+ left$/m,
    );
    expect(reported.stderr).toMatch(
      new RegExp(`^audit export: ${lines.length.toLocaleString('en-US')} events in `, 'm'),
    );
  }, 20_000);

  it('shows the organization as it stood at a past moment, and as it stands now', async () => {
    const { owner, dev, gone, other } = people;
    const then = await audit(['as-of', asOf, '--org', orgId]);
    expect(then.code).toBe(0);
    const past = JSON.parse(then.stdout);
    expect(past).toMatchObject({ organizationId: orgId, asOf, name: 'Acme', disabledFeatures: [] });
    expect(past.members).toEqual(
      expect.arrayContaining([
        { ...pick(owner), role: 'owner', granted: [], lastName: owner.lastName },
        { ...pick(dev), role: 'developer', granted: [], lastName: dev.lastName },
        // a member then, erased since: the history keeps the membership, not the person
        {
          userId: gone.userId,
          role: 'admin',
          granted: [],
          email: null,
          firstName: null,
          lastName: null,
        },
      ]),
    );
    expect(past.members).toHaveLength(3);
    expect(past.invitations).toEqual([
      {
        invitationId: expect.any(String),
        email: PENDING_EMAIL,
        role: 'auditor',
        invitedBy: owner.userId,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
      },
    ]);
    expect(past.apiKeys).toEqual([
      expect.objectContaining({ id: doomedKeyId, ownerId: owner.userId, status: 'active' }),
      expect.objectContaining({ id: tamperKeyId, description: TAMPER_MARKER, status: 'active' }),
    ]);
    expect(past.apiKeys[0]).toEqual({
      id: doomedKeyId,
      ownerId: owner.userId,
      description: 'Doomed',
      maskedKey: expect.stringMatching(/^ak_…/),
      status: 'active',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });

    const current = JSON.parse(
      (await audit(['as-of', new Date().toISOString(), '--org', orgId])).stdout,
    );
    const members = current.members as { userId: string; role: string; lastName: string }[];
    expect(members.map((member) => member.userId).sort()).toEqual(
      [owner.userId, dev.userId].sort(),
    );
    expect(members.find((member) => member.userId === dev.userId)).toMatchObject({
      role: 'viewer',
      lastName: LAST_NAME,
    });
    expect(members.some((member) => member.userId === other.userId)).toBe(false);
    const byId = new Map(
      (current.apiKeys as { id: string; status: string }[]).map((k) => [k.id, k]),
    );
    expect(byId.get(doomedKeyId)?.status).toBe('revoked');
    expect(byId.get(tamperKeyId)?.status).toBe('active');
    const active = [...byId.values()].filter((key) => key.status === 'active');
    // Tamper-Me-42 and every third churned key; Doomed and the erased member's key are revoked.
    expect(active).toHaveLength(1 + 15);
  }, 20_000);

  it('rebuilds every read model into scratch storage and finds it equal to the live one', async () => {
    const run = await audit(['replay', '--verify', '--wait']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OK: \d+ read models \(\d+ documents\) match a rebuild/);
  }, 40_000);

  it('verifies the integrity chain of the clean store', async () => {
    const run = await audit(['verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OK: \d+ events in \d+ streams verified/);
  }, 20_000);

  it('names each altered live read-model document, without printing any value', async () => {
    const { owner } = people;
    await Promise.all(processes.map((service) => service.stop()));
    if (storeEnv.MONGO_DATABASE) {
      const client = await MongoClient.connect(storeEnv.MONGO_URL as string);
      const db = client.db(storeEnv.MONGO_DATABASE);
      await db
        .collection<{ _id: string }>('profiles_v2')
        .updateOne({ _id: owner.userId }, { $set: { lastName: 'Mallory' } });
      await db.collection<{ _id: string }>('api_keys_v1').deleteOne({ _id: tamperKeyId });
      await client.close();
    } else {
      const db = new Database(join(dataDir, 'read-models.sqlite'));
      db.prepare(
        "UPDATE doc_profiles_v2 SET doc = json_set(doc, '$.lastName', 'Mallory') WHERE id = ?",
      ).run(owner.userId);
      db.prepare('DELETE FROM doc_api_keys_v1 WHERE id = ?').run(tamperKeyId);
      db.close();
    }

    const run = await audit(['replay', '--verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`DIFF profiles_v2 ${owner.userId}: different (fields: lastName)`);
    expect(run.stdout).toContain(`DIFF api_keys_v1 ${tamperKeyId}: missing in live`);
    expect(run.stdout).toContain('FAILED: 2 documents differ');
    for (const value of ['Mallory', LAST_NAME, owner.email, TAMPER_MARKER])
      expect(run.stdout + run.stderr).not.toContain(value);
  }, 20_000);

  it('names the one event whose stored bytes were changed', async () => {
    const file = join(dataDir, 'events.sqlite');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(TAMPER_MARKER);
    if (at < 0 || bytes.lastIndexOf(TAMPER_MARKER) !== at)
      throw new Error(`${TAMPER_MARKER} must occur exactly once in events.sqlite`);
    bytes.write('X', at, 'latin1'); // Tamper-Me-42 → Xamper-Me-42: still valid JSON
    writeFileSync(file, bytes);

    const run = await audit(['verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`stream apikey-${tamperKeyId} revision 0`);
    expect(run.stdout).toContain('type ApiKeyIssued');
    expect(run.stdout).toContain('its content does not match its hash');
  }, 20_000);
});

function pick(person: { userId: string; email: string; firstName: string }) {
  return { userId: person.userId, email: person.email, firstName: person.firstName };
}
