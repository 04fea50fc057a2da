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
  type Answer,
  type RecordingClient,
} from './support/recording-client';
import { SecretBook, uniquePassword, leaksOfRun } from './support/secret-book';

const BODY_LIMIT_BYTES = 16_384;
const LOGIN_MAX_FAILURES = 5;

/**
 * The limits API.md promises, under floods: 413 above the body limit (and not at it), 429
 * after repeated failed logins for one email (whatever the password, however fast they come),
 * 400 naming every unknown field, and none of them records anything.
 */
describe('reliability: floods and limits', () => {
  const figures = emptyFigures();
  const traffic = new Traffic();
  const book = new SecretBook();
  const random = new Random(11);
  let cluster: Cluster;
  let http: RecordingClient;
  let owner: Person;
  let member: Person;
  let orgId: string;
  let key: { id: string; key: string };
  let operations: Operation[];

  beforeAll(async () => {
    cluster = await Cluster.start(1, {
      BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
      LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES),
      // closer to production's 12 than the other suites' 4: a login takes as long as a hash
      BCRYPT_COST: '8',
    });
    http = recordingClient(cluster.baseUrl(0), traffic);
    owner = await signUp(http, book, 'Limit');
    member = await signUp(http, book, 'Member');
    orgId = await createOrganization(http, owner, 'Limits Org');
    await addMember(http, orgId, owner, member, 'viewer');
    key = await createKey(http, book, orgId, owner);
    operations = operationsOf((await http.get('/docs-json')).body as OpenApiDocument);
  }, 60_000);

  afterAll(() => finishSuite('limits', { cluster, traffic, figures }));

  const pathOf = (operation: Operation) =>
    operation.path
      .replace('{orgId}', orgId)
      .replace('{userId}', member.userId)
      .replace('{keyId}', key.id);
  const isProblem = (answer: Answer, status: number) =>
    answer.status === status &&
    String(answer.headers['content-type']).includes('application/problem+json') &&
    answer.body?.status === status;

  it('answers 413 to a body over the limit on every endpoint that takes one, and records nothing', async () => {
    const withBody = operations.filter((operation) => operation.body);
    expect(withBody.length).toBeGreaterThanOrEqual(12);
    const head = await cluster.settle();
    const wrong: string[] = [];
    for (const operation of withBody) {
      for (const size of [BODY_LIMIT_BYTES + 1, 64 * 1024, 1024 * 1024]) {
        const padding = 'x'.repeat(size - '{"padding":""}'.length);
        const answer = await http.call(operation.method, pathOf(operation), {
          rawBody: `{"padding":"${padding}"}`,
          token: owner.token,
        });
        if (!isProblem(answer, 413))
          wrong.push(`${operation.method} ${operation.path} ${size} B → ${answer.status}`);
      }
    }
    // at the limit exactly the body is read, and refused for its unknown field instead
    const atLimit = `{"padding":"${'x'.repeat(BODY_LIMIT_BYTES - '{"padding":""}'.length)}"}`;
    const answer = await http.call('PATCH', '/me', { rawBody: atLimit, token: owner.token });
    expect(answer.status).toBe(400);
    expect(wrong).toEqual([]);
    expect(await cluster.head()).toBe(head);
  });

  it('answers 400 naming the field to an unknown field on every endpoint that takes a body, and records nothing', async () => {
    const withBody = operations.filter((operation) => operation.body?.properties);
    const head = await cluster.settle();
    const wrong: string[] = [];
    for (const operation of withBody) {
      const body = {
        ...(validValue(operation.body ?? {}, random) as object),
        sneaky: 'field',
        isAdmin: true,
      };
      const answer = await http.call(operation.method, pathOf(operation), {
        body,
        token: owner.token,
      });
      const fields = (answer.body?.errors ?? []).map((error: { field: string }) => error.field);
      if (!isProblem(answer, 400) || !fields.includes('sneaky') || !fields.includes('isAdmin'))
        wrong.push(`${operation.method} ${operation.path} → ${answer.status} ${fields}`);
    }
    const email = await http.patch('/me', { email: 'new@example.com' }, owner.token);
    expect(email.status).toBe(400);
    expect(email.body.errors[0].field).toBe('email');
    expect(wrong).toEqual([]);
    expect(await cluster.head()).toBe(head);
  });

  it('answers 429 after five failed logins for one email, even to the right password, and only for that email', async () => {
    const person = await signUp(http, book, 'Throttled');
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES + 3; i++) {
      const password = uniquePassword();
      book.password(password);
      statuses.push((await http.post('/auth/login', { email: person.email, password })).status);
    }
    expect(statuses).toEqual([
      ...Array.from({ length: LOGIN_MAX_FAILURES }, () => 401),
      429,
      429,
      429,
    ]);
    const right = await http.post('/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(isProblem(right, 429)).toBe(true);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const other = await http.post('/auth/login', { email: owner.email, password: owner.password });
    expect(other.status).toBe(200);
    book.sessionToken(other.body.accessToken);
  });

  it('lets no more than five failed logins through when 60 arrive for one email at once', async () => {
    const person = await signUp(http, book, 'Flooded');
    const passwords = Array.from({ length: 60 }, () => uniquePassword());
    passwords.forEach((password) => book.password(password));
    const answers = await Promise.all(
      passwords.map((password) => http.post('/auth/login', { email: person.email, password })),
    );
    const counts = { 401: 0, 429: 0, other: 0 };
    for (const answer of answers) {
      if (answer.status === 401) counts[401] += 1;
      else if (answer.status === 429) counts[429] += 1;
      else counts.other += 1;
    }
    figures.details.concurrentLoginFlood = counts;
    expect(counts.other).toBe(0);
    // each 401 was one more password guessed: the throttle must hold under concurrency too
    expect(counts[401]).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
  });

  it('survives a flood of 2,000 hostile requests from 50 clients and stays healthy and fast', async () => {
    const garbage = [
      () => http.get('/me', { token: `st_${randomUUID()}.${'A'.repeat(43)}` }),
      () => http.get(`/orgs/${orgId}`, { apiKey: `ak_${'a'.repeat(65)}` }),
      () => http.post('/auth/login', { email: `flood.${randomUUID()}@example.com`, password: 'x' }),
      () => http.call('POST', '/auth/register', { rawBody: '{"email":' }),
      () => http.post('/password-policy/check', { password: 'a'.repeat(5000) }),
    ];
    let sent = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (sent < 2000) {
          sent += 1;
          statuses.push((await random.pick(garbage)()).status);
        }
      }),
    );
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    const started = Date.now();
    const health = await http.get('/health');
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    const whoami = await http.get('/integrations/whoami', { apiKey: key.key });
    expect(whoami.status).toBe(200);
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
