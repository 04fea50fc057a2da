import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountStream, organizationStream } from '@app/domain';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import { Cluster } from './support/cluster';
import { emptyFigures, finishSuite } from './support/figures';
import { addMember, createOrganization, logIn, signUp, type Person } from './support/people';
import {
  recordingClient,
  Traffic,
  type Answer,
  type RecordingClient,
} from './support/recording-client';
import { SecretBook, uniquePassword, leaksOfRun } from './support/secret-book';

/**
 * Dozens of clients at once on two api instances sharing one DATA_DIR: no lost update, every
 * 2xx has its event in the log, and conflicts answer only as API.md says (412 for a stale
 * If-Match, 409 for a taken email or an existing member, nothing else).
 */
describe('reliability: concurrent clients', () => {
  const figures = emptyFigures();
  const traffic = new Traffic();
  const book = new SecretBook();
  const unexpected: string[] = [];
  let cluster: Cluster;
  let instances: RecordingClient[];
  const on = (i: number): RecordingClient => instances[i % instances.length] as RecordingClient;

  beforeAll(async () => {
    cluster = await Cluster.start(2);
    instances = [0, 1].map((i) => recordingClient(cluster.baseUrl(i), traffic));
  }, 60_000);

  afterAll(() =>
    finishSuite(
      'concurrency',
      { cluster, traffic, figures },
      { unexpectedAnswers: unexpected.slice(0, 20) },
    ),
  );

  const decodedStream = async (stream: string) => {
    const codec = await cluster.codec();
    const recorded = await cluster.streamEvents(stream);
    return Promise.all(
      recorded.map(async (event: RecordedEvent) => ({
        revision: event.revision,
        ...(await codec.decode(event)),
      })),
    );
  };
  const revisionOf = (answer: Answer) => Number(/"(\d+)"/.exec(String(answer.headers.etag))?.[1]);
  const expectOnly = (label: string, answers: readonly Answer[], allowed: readonly number[]) => {
    for (const answer of answers) {
      if (!allowed.includes(answer.status))
        unexpected.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(answers.map((answer) => answer.status).filter((s) => !allowed.includes(s))).toEqual([]);
  };

  it('renames one profile from 60 sessions at once without If-Match: all 200, each recorded once', async () => {
    const person = await signUp(on(0), book);
    const sessions = await Promise.all(
      Array.from({ length: 60 }, (_, i) => logIn(on(i), book, person.email, person.password)),
    );
    await cluster.settle();
    const before = (await decodedStream(accountStream(person.userId))).length;
    const names = sessions.map((_, i) => `Concurrent${i}x${randomUUID().slice(0, 8)}`);

    const answers = await Promise.all(
      sessions.map((token, i) => on(i).patch('/me', { firstName: names[i] }, token)),
    );

    expectOnly('PATCH /me without If-Match', answers, [200]);
    const events = (await decodedStream(accountStream(person.userId))).slice(before);
    const renamed = events.filter((event) => event.type === 'NameChanged');
    const recordedNames = renamed.map((event) => event.data.firstName);
    const acknowledged = names.filter((_, i) => answers[i]?.status === 200);
    const lost = acknowledged.filter((name) => !recordedNames.includes(name));
    figures.lostUpdates += lost.length;
    expect(lost).toEqual([]);
    expect(renamed).toHaveLength(acknowledged.length);
    // each answer's ETag is the revision of the very event that recorded its name
    for (const [i, answer] of answers.entries()) {
      if (answer.status !== 200) continue;
      const event = renamed.find((candidate) => candidate.data.firstName === names[i]);
      expect(revisionOf(answer)).toBe(event?.revision);
      expect(answer.body.firstName).toBe(names[i]);
    }
    await cluster.settle();
    const last = renamed.at(-1);
    for (const http of instances) {
      const profile = await http.get('/me', { token: person.token });
      expect(profile.status).toBe(200);
      expect(profile.body.firstName).toBe(last?.data.firstName);
      expect(revisionOf(profile)).toBe(last?.revision);
    }
  });

  it('lets exactly one of 30 writers with the same If-Match win; the others get 412 and change nothing', async () => {
    const person = await signUp(on(1), book);
    await cluster.settle();
    const read = await on(0).get('/me', { token: person.token });
    const etag = String(read.headers.etag);
    const before = (await decodedStream(accountStream(person.userId))).length;
    const names = Array.from({ length: 30 }, (_, i) => `Guarded${i}x${randomUUID().slice(0, 6)}`);

    const answers = await Promise.all(
      names.map((firstName, i) =>
        on(i).patch('/me', { firstName }, person.token, { 'if-match': etag }),
      ),
    );

    expectOnly('PATCH /me with one If-Match', answers, [200, 412]);
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    for (const answer of answers.filter((candidate) => candidate.status === 412)) {
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: 412 });
    }
    const events = (await decodedStream(accountStream(person.userId))).slice(before);
    expect(events.map((event) => event.type)).toEqual(['NameChanged']);
    expect(events[0]?.data.firstName).toBe(winners[0]?.body.firstName);
  });

  it('loses no increment when 12 clients read-modify-write one profile with If-Match and retry on 412', async () => {
    const person = await signUp(on(0), book);
    const clients = 12;
    const rounds = 4;
    const tokens = await Promise.all(
      Array.from({ length: clients }, (_, i) => logIn(on(i), book, person.email, person.password)),
    );
    await on(0).patch('/me', { lastName: 'Count0' }, person.token);
    await cluster.settle();
    const before = (await decodedStream(accountStream(person.userId))).length;
    let conflicts = 0;
    let acknowledged = 0;

    await Promise.all(
      tokens.map(async (token, c) => {
        const http = on(c);
        for (let done = 0, attempts = 0; done < rounds; attempts++) {
          if (attempts > 400) throw new Error(`client ${c} starved after ${attempts} attempts`);
          const read = await http.get('/me', { token });
          if (read.status !== 200) {
            unexpected.push(`GET /me: ${read.status} ${read.text.slice(0, 200)}`);
            throw new Error(`GET /me answered ${read.status}`);
          }
          const count = Number(String(read.body.lastName).replace('Count', ''));
          const write = await http.patch('/me', { lastName: `Count${count + 1}` }, token, {
            'if-match': String(read.headers.etag),
          });
          if (write.status === 200) {
            done += 1;
            acknowledged += 1;
          } else if (write.status === 412) {
            conflicts += 1;
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
          } else {
            unexpected.push(`PATCH /me If-Match: ${write.status} ${write.text.slice(0, 200)}`);
            throw new Error(`PATCH /me answered ${write.status}`);
          }
        }
      }),
    );

    const events = (await decodedStream(accountStream(person.userId))).slice(before);
    const counts = events.map((event) => event.data.lastName);
    figures.lostUpdates += Math.max(0, acknowledged - counts.length);
    figures.details.readModifyWrite = { clients, increments: acknowledged, conflicts };
    expect(acknowledged).toBe(clients * rounds);
    expect(counts).toEqual(Array.from({ length: clients * rounds }, (_, i) => `Count${i + 1}`));
    await cluster.settle();
    const final = await on(1).get('/me', { token: person.token });
    expect(final.body.lastName).toBe(`Count${clients * rounds}`);
  });

  it('creates 40 keys at once for four members: all 201, all listed, all recorded, all working on both instances', async () => {
    const owner = await signUp(on(0), book);
    const orgId = await createOrganization(on(0), owner, `Keys ${randomUUID().slice(0, 6)}`);
    const developers: Person[] = [];
    for (let i = 0; i < 3; i++) {
      const developer = await signUp(on(i), book);
      await addMember(on(0), orgId, owner, developer, 'developer');
      developers.push(developer);
    }
    const people = [owner, ...developers];

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        on(i).post(
          `/orgs/${orgId}/api-keys`,
          { description: `Key ${i}` },
          people[i % people.length]?.token,
        ),
      ),
    );
    for (const answer of answers) book.fromAnswer(answer.body);

    expectOnly('POST api-keys', answers, [201]);
    const created = answers.map((answer, i) => ({
      ...(answer.body as { id: string; key: string }),
      owner: people[i % people.length] as Person,
    }));
    expect(new Set(created.map((key) => key.id)).size).toBe(40);
    const issued = (await cluster.allEvents()).filter(
      (event) => event.type === 'ApiKeyIssued' && event.data.organizationId === orgId,
    );
    const issuedIds = issued.map((event) => event.data.keyId);
    const missing = created.filter((key) => !issuedIds.includes(key.id));
    figures.lostUpdates += missing.length;
    expect(missing).toEqual([]);
    expect(issued).toHaveLength(40);
    for (const person of people) {
      // Read-your-writes holds per instance (API.md): a read on each instance waits for the
      // person's writes there, so the second read sees every key wherever it was created.
      await on(0).get(`/orgs/${orgId}/api-keys`, { token: person.token });
      const listed = await on(1).get(`/orgs/${orgId}/api-keys`, { token: person.token });
      expect(listed.status).toBe(200);
      const mine = created.filter((key) => key.owner === person).map((key) => key.id);
      expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(mine.sort());
    }
    const whoami = await Promise.all(
      created.flatMap((key) =>
        instances.map((http) => http.get('/integrations/whoami', { apiKey: key.key })),
      ),
    );
    expect(whoami.map((answer) => answer.status)).toEqual(whoami.map(() => 200));
  });

  it('changes roles from an owner concurrently: one event per real change, the last one wins everywhere', async () => {
    const owner = await signUp(on(0), book);
    const orgId = await createOrganization(on(0), owner, `Roles ${randomUUID().slice(0, 6)}`);
    const members = await Promise.all(Array.from({ length: 20 }, (_, i) => signUp(on(i), book)));
    for (const member of members) await addMember(on(0), orgId, owner, member, 'viewer');
    const [contended, ...others] = members as [Person, ...Person[]];
    const roles = ['admin', 'developer', 'auditor'] as const;
    await cluster.settle();
    const before = (await cluster.streamEvents(organizationStream(orgId))).length;

    // every other member gets one change; the contended one gets 20, alternating two roles
    const distinct = others.map((member, i) => ({ member, role: roles[i % roles.length] }));
    const flips = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'admin' : 'auditor'));
    const [distinctAnswers, flipAnswers] = await Promise.all([
      Promise.all(
        distinct.map(({ member, role }, i) =>
          on(i).patch(`/orgs/${orgId}/members/${member.userId}`, { role }, owner.token),
        ),
      ),
      Promise.all(
        flips.map((role, i) =>
          on(i + 1).patch(`/orgs/${orgId}/members/${contended.userId}`, { role }, owner.token),
        ),
      ),
    ]);

    expectOnly('PATCH member role', [...distinctAnswers, ...flipAnswers], [200]);
    const changes = (await cluster.streamEvents(organizationStream(orgId)))
      .slice(before)
      .filter((event) => event.type === 'MemberRoleChanged');
    for (const { member, role } of distinct) {
      const own = changes.filter((event) => event.data.userId === member.userId);
      expect(own.map((event) => event.data.role)).toEqual([role]);
    }
    const flipped = changes.filter((event) => event.data.userId === contended.userId);
    expect(flipped.length).toBeGreaterThanOrEqual(1);
    expect(flipped.length).toBeLessThanOrEqual(flips.length);
    // a chain: each change starts from the role the previous one left, and changes it
    let current = 'viewer';
    for (const event of flipped) {
      expect(event.data.previousRole).toBe(current);
      expect(event.data.role).not.toBe(current);
      current = String(event.data.role);
    }
    figures.lostUpdates +=
      distinct.length - changes.filter((e) => e.data.userId !== contended.userId).length;
    await cluster.settle();
    for (const http of instances) {
      const listed = await http.get(`/orgs/${orgId}/members`, { token: owner.token });
      const roleOf = (userId: string) =>
        listed.body.items.find((item: { userId: string }) => item.userId === userId)?.role;
      expect(roleOf(contended.userId)).toBe(current);
      for (const { member, role } of distinct) expect(roleOf(member.userId)).toBe(role);
      expect(roleOf(owner.userId)).toBe('owner');
    }
  });

  it('answers 201 once and 409 to the rest for one email signed up 20 times, or one member added 20 times', async () => {
    const email = `race.${randomUUID()}@example.com`;
    const passwords = Array.from({ length: 20 }, () => uniquePassword());
    passwords.forEach((password) => book.password(password));
    const signUps = await Promise.all(
      passwords.map((password, i) =>
        on(i).post('/auth/register', { email, password, firstName: 'Race', lastName: 'Twenty' }),
      ),
    );
    expectOnly('POST /auth/register, one email', signUps, [201, 409]);
    expect(signUps.filter((answer) => answer.status === 201)).toHaveLength(1);
    const registered = (await cluster.allEvents()).filter(
      (event) => event.type === 'AccountRegistered',
    );
    const userIds = signUps.filter((a) => a.status === 201).map((a) => a.body.userId);
    expect(registered.filter((event) => userIds.includes(event.data.userId))).toHaveLength(1);

    const owner = await signUp(on(0), book);
    const orgId = await createOrganization(on(0), owner, `Adds ${randomUUID().slice(0, 6)}`);
    const joiner = await signUp(on(1), book);
    const before = (await cluster.streamEvents(organizationStream(orgId))).length;
    const adds = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        on(i).post(
          `/orgs/${orgId}/invitations`,
          { email: joiner.email, role: 'viewer' },
          owner.token,
        ),
      ),
    );
    expectOnly('POST invitations, one person', adds, [201, 409]);
    expect(adds.filter((answer) => answer.status === 201)).toHaveLength(1);
    const added = (await cluster.streamEvents(organizationStream(orgId))).slice(before);
    expect(added.map((event) => event.type)).toEqual(['MemberInvited']);
  });

  it('answered no request with a 5xx', () => {
    expect(traffic.serverErrors).toEqual([]);
  });

  it('leaves no password, session token or API key in any log line, data file or error body', async () => {
    await cluster.stop();
    const leaks = leaksOfRun(book, { cluster, traffic, figures });
    expect(book.size).toBeGreaterThan(100);
    expect(cluster.outputs().join('').length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it('has a secret scan that finds what it looks for, whole or in part, in text and in files', () => {
    const probe = new SecretBook();
    const key = `ak_${'K'.repeat(16)}${'s'.repeat(43)}${'c'.repeat(6)}`;
    const token = `st_${randomUUID()}.${'t'.repeat(43)}`;
    probe.apiKey(key);
    probe.sessionToken(token);
    probe.password('Pw!planted-password-1A');
    const directory = mkdtempSync(join(tmpdir(), 'secret-scan-'));
    try {
      writeFileSync(join(directory, 'events.sqlite'), Buffer.from(`\u0000{"k":"${key}"}\u0000`));
      writeFileSync(join(directory, 'wal'), Buffer.from(token.split('.')[1] as string, 'utf16le'));
      expect(probe.scanDirectory(directory).sort()).toEqual([
        'events.sqlite: API key',
        'wal: session token',
      ]);
      expect(
        probe.scanTexts('log', ['clean', `{"password":"Pw!planted-password-1A"}`, key.slice(19)]),
      ).toEqual(['log[2]: API key', 'log[1]: password']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
