import { randomBytes } from 'node:crypto';
import { base62From, randomBytesFor, formatApiKey, SECRET_LENGTH } from '@app/domain';
import { Cluster } from './support/cluster';
import { emptyFigures, finishSuite } from './support/figures';
import {
  casesFor,
  operationsOf,
  type FuzzCase,
  type OpenApiDocument,
} from './support/openapi-fuzz';
import {
  addMember,
  createKey,
  createOrganization,
  logIn,
  signUp,
  type Person,
} from './support/people';
import { Random, runSeed } from './support/random';
import {
  recordingClient,
  Traffic,
  type Answer,
  type RecordingClient,
} from './support/recording-client';
import { SecretBook, leaksOfRun } from './support/secret-book';

type Credential =
  'none' | 'session' | 'member-session' | 'api-key' | 'forged-session' | 'forged-key';
const CREDENTIALS: readonly Credential[] = [
  'none',
  'session',
  'member-session',
  'api-key',
  'forged-session',
  'forged-key',
];
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node_modules|\/dist\/|\.ts:\d+/;

/**
 * Schema-driven fuzzing of every operation of `GET /docs-json`, with a fixed seed, one
 * request at a time on a service of its own, so the log's head tells exactly what each
 * request changed: no answer is a 5xx, a 4xx records nothing, a GET records nothing, input
 * the schema or API.md forbids is never accepted, an oversized body gets 413, and every
 * error is problem+json without internals.
 */
describe('reliability: schema-driven fuzzing of every endpoint', () => {
  const figures = emptyFigures();
  const traffic = new Traffic();
  const book = new SecretBook();
  const random = new Random(runSeed(4_242));
  const findings: Record<string, string[]> = {
    serverError: [],
    clientErrorChangedLog: [],
    readChangedLog: [],
    acceptedInvalidInput: [],
    prototypeKeysAccepted: [],
    oversizedNot413: [],
    notProblemJson: [],
    internalsInError: [],
    brokenProfile: [],
  };
  let cluster: Cluster;
  let http: RecordingClient;
  let owner: Person;
  let member: Person;
  let orgId: string;
  let key: { id: string; key: string };
  let document: OpenApiDocument;

  beforeAll(async () => {
    cluster = await Cluster.start(1);
    http = recordingClient(cluster.baseUrl(0), traffic);
    owner = await signUp(http, book, 'Fuzzer');
    member = await signUp(http, book, 'Member');
    orgId = await createOrganization(http, owner, 'Fuzz Org');
    await addMember(http, orgId, owner, member, 'developer');
    key = await createKey(http, book, orgId, owner);
    document = (await http.get('/docs-json')).body;
  }, 60_000);

  afterAll(() =>
    finishSuite(
      'fuzz',
      { cluster, traffic, figures },
      {
        seed: random.seed,
        findings: Object.fromEntries(
          Object.entries(findings).map(([name, list]) => [name, list.length]),
        ),
        serverErrorSamples: findings.serverError?.slice(0, 8),
      },
    ),
  );

  /** Puts back whatever a successful fuzz case undid: the sessions, the key, the member, the features. */
  async function restoreContext(): Promise<void> {
    const me = await http.get('/me', { token: owner.token });
    if (me.status === 401) owner.token = await logIn(http, book, owner.email, owner.password);
    else if (typeof me.body?.firstName !== 'string' || typeof me.body?.lastName !== 'string')
      findings.brokenProfile?.push(`GET /me after a fuzz case: ${me.text.slice(0, 200)}`);
    if ((await http.get('/me', { token: member.token })).status === 401)
      member.token = await logIn(http, book, member.email, member.password);
    // features first: with api_keys disabled every key answers 403 and none can be created
    await http.put(`/orgs/${orgId}/features`, { disabled: [] }, owner.token);
    if ((await http.get('/integrations/whoami', { apiKey: key.key })).status !== 200)
      key = await createKey(http, book, orgId, owner);
    const members = await http.get(`/orgs/${orgId}/members`, { token: owner.token });
    const ids = (members.body?.items ?? []).map((item: { userId: string }) => item.userId);
    if (!ids.includes(member.userId)) await addMember(http, orgId, owner, member, 'developer');
  }

  function credentialHeaders(credential: Credential): Record<string, string> {
    switch (credential) {
      case 'none':
        return {};
      case 'session':
        return { authorization: `Bearer ${owner.token}` };
      case 'member-session':
        return { authorization: `Bearer ${member.token}` };
      case 'api-key':
        return { 'x-api-key': key.key };
      case 'forged-session':
        return { authorization: `Bearer ${owner.token.split('.')[0]}.${'A'.repeat(43)}` };
      case 'forged-key':
        return {
          'x-api-key': formatApiKey(
            key.id,
            base62From(randomBytes(randomBytesFor(SECRET_LENGTH)), SECRET_LENGTH),
          ),
        };
    }
  }

  async function send(fuzzCase: FuzzCase, credential: Credential): Promise<Answer> {
    return http.call(fuzzCase.method, fuzzCase.path, {
      body: fuzzCase.body,
      rawBody: fuzzCase.rawBody,
      headers: { ...credentialHeaders(credential), ...fuzzCase.headers },
    });
  }

  function inspect(label: string, fuzzCase: FuzzCase, answer: Answer): void {
    const { status } = answer;
    if (status >= 500)
      findings.serverError?.push(`${label} → ${status} ${answer.text.slice(0, 300)}`);
    if (status >= 400) {
      const problem = answer.body as Record<string, unknown> | null;
      const isProblem =
        String(answer.headers['content-type']).includes('application/problem+json') &&
        !!problem &&
        typeof problem === 'object' &&
        problem.status === status &&
        typeof problem.title === 'string' &&
        typeof problem.type === 'string' &&
        typeof problem.detail === 'string';
      if (!isProblem)
        findings.notProblemJson?.push(`${label} → ${status} ${answer.text.slice(0, 200)}`);
      if (STACK_TRACE.test(answer.text))
        findings.internalsInError?.push(`${label} → ${status} ${answer.text.slice(0, 300)}`);
    }
    // the answer itself may carry a fresh token or key: never print it
    if (status < 300 && fuzzCase.mustFail) {
      const list =
        fuzzCase.kind === 'prototype-pollution'
          ? findings.prototypeKeysAccepted
          : findings.acceptedInvalidInput;
      list?.push(`${label} → ${status}`);
    }
    if (fuzzCase.kind === 'oversized-body' && status !== 413 && status !== 401 && status !== 403)
      findings.oversizedNot413?.push(`${label} → ${status}`);
  }

  /**
   * A refused credential is itself a security fact its owner's log shows (API.md lists
   * LoginFailed): the only events a 4xx may record. A failed login is recorded just after its
   * 401, so it may also land in the next case's window.
   */
  const REFUSAL_RECORDS: ReadonlySet<string> = new Set(['LoginFailed', 'TwoFactorCodeRejected']);
  const onlyRefusalRecords = async (from: bigint, to: bigint) =>
    (await cluster.eventsBetween(from, to)).every((event) => REFUSAL_RECORDS.has(event.type));

  it('sends thousands of generated cases, none of which a 4xx answer or a GET recorded in the log', async () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(25);
    let head = await cluster.settle();
    const perOperation: Record<string, number> = {};
    for (const operation of operations) {
      for (const [round, credential] of CREDENTIALS.entries()) {
        const pathValues = { orgId, userId: member.userId, keyId: key.id };
        for (const fuzzCase of casesFor(operation, pathValues, random, round)) {
          const headers = Object.entries(fuzzCase.headers).map(
            ([n, v]) => `${n}: ${v.slice(0, 40)}`,
          );
          const label =
            `${credential} ${fuzzCase.kind} ${fuzzCase.method} ${fuzzCase.path.slice(0, 120)}` +
            (headers.length > 0 ? ` [${headers.join('; ')}]` : '') +
            (fuzzCase.rawBody !== undefined ? ` body ${fuzzCase.rawBody.slice(0, 60)}` : '');
          const answer = await send(fuzzCase, credential);
          figures.fuzzCases += 1;
          const name = `${operation.method} ${operation.path}`;
          perOperation[name] = (perOperation[name] ?? 0) + 1;
          book.fromAnswer(answer.body);
          if (
            operation.path === '/auth/register' &&
            answer.status === 201 &&
            fuzzCase.body &&
            typeof (fuzzCase.body as { password?: unknown }).password === 'string'
          )
            book.password((fuzzCase.body as { password: string }).password);
          inspect(label, fuzzCase, answer);
          const after = await cluster.head();
          if (answer.status >= 400 && after !== head && !(await onlyRefusalRecords(head, after)))
            findings.clientErrorChangedLog?.push(
              `${label} → ${answer.status}, head ${head} → ${after}`,
            );
          if (
            answer.status < 400 &&
            fuzzCase.method === 'GET' &&
            after !== head &&
            !(await onlyRefusalRecords(head, after))
          )
            findings.readChangedLog?.push(`${label} → ${answer.status}, head ${head} → ${after}`);
          if (answer.status < 400 && fuzzCase.method !== 'GET') {
            await cluster.settle();
            await restoreContext();
          }
          head = await cluster.settle();
        }
      }
    }
    figures.details.operations = operations.length;
    figures.details.casesPerOperation = {
      min: Math.min(...Object.values(perOperation)),
      max: Math.max(...Object.values(perOperation)),
    };
    expect(figures.fuzzCases).toBeGreaterThan(2000);
    expect(findings.clientErrorChangedLog).toEqual([]);
    expect(findings.readChangedLog).toEqual([]);
  }, 300_000);

  it('answered no case with a 5xx', () => {
    expect(findings.serverError).toEqual([]);
  });

  it('never accepted input that the schema forbids, and answered an oversized body with 413', () => {
    expect(findings.acceptedInvalidInput).toEqual([]);
    expect(findings.oversizedNot413).toEqual([]);
    expect(findings.brokenProfile).toEqual([]);
  });

  it('refuses `__proto__` and `constructor` keys like any other unknown field (API.md: 400)', () => {
    expect(findings.prototypeKeysAccepted).toEqual([]);
  });

  it('answered every error as problem+json with no stack trace or internal path', () => {
    expect(findings.notProblemJson).toEqual([]);
    expect(findings.internalsInError).toEqual([]);
  });

  it('leaves no password, session token or API key in any log line, data file or error body', async () => {
    await cluster.stop();
    const leaks = leaksOfRun(book, { cluster, traffic, figures });
    expect(leaks).toEqual([]);
  });
});
