import {
  httpClient,
  newUser,
  registerAndLogin,
  type HttpClient,
} from '../../../../../test/support/http-client';
import {
  startTestService,
  type ReadStoreKind,
  type TestService,
} from '../../../../../test/support/test-service';
import { readStoreUnderTest } from '../../../../../test/support/read-store-under-test';
import type { FieldRule } from '../../http/problem';

/**
 * API.md: names are 1 to 100 characters after trimming, with no control, format (bidi
 * overrides, zero-width), line/paragraph-separator or unpaired-surrogate characters. The
 * bodies are sent as raw JSON text so that lone surrogates travel as `\\uD800` escapes. Each
 * refusal names the rule id (from the one list in http/problem.ts) that says what is wrong.
 */
const REFUSED: readonly [string, string, FieldRule][] = [
  ['a right-to-left override', String.raw`Eve\u202Elyn`, 'forbidden_characters'],
  ['only a zero-width space', String.raw`\u200B`, 'forbidden_characters'],
  ['a zero-width joiner', String.raw`Ad\u200Da`, 'forbidden_characters'],
  ['a byte-order mark inside', String.raw`Ad\uFEFFa`, 'forbidden_characters'],
  ['a line separator', String.raw`Ada\u2028Lovelace`, 'forbidden_characters'],
  ['a paragraph separator', String.raw`Ada\u2029Lovelace`, 'forbidden_characters'],
  ['a lone high surrogate', String.raw`Ada\uD800`, 'forbidden_characters'],
  ['a lone low surrogate', String.raw`\uDC00Ada`, 'forbidden_characters'],
  ['a control character', String.raw`Ada\u0007`, 'forbidden_characters'],
  ['nothing after trimming', String.raw`  \u2028 `, 'too_short'],
  ['101 characters', 'x'.repeat(101), 'too_long'],
];
const ACCEPTED: readonly string[] = ['Zoë', '李小龍', 'José María', 'O’Brien', '😀'.repeat(100)];

describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'name characters (read store: %s)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    it.each(REFUSED)(
      'refuses %s in PATCH /me with a 400 naming the field, changing nothing',
      async (_, raw, rule) => {
        const user = await registerAndLogin(http);
        const answer = await http.call('PATCH', '/me', {
          token: user.token,
          rawBody: `{"firstName":"${raw}"}`,
        });
        expect(answer.status).toBe(400);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'firstName', rule })]);
        expect(answer.body.errors[0].message).toMatch(/^firstName must/);
        const profile = await http.get('/me', user.token);
        expect(profile.body.firstName).toBe('Ada');
        expect(profile.headers.get('etag')).toBe('W/"0"');
      },
    );

    it.each(REFUSED)('refuses %s in a registration', async (_, raw) => {
      const user = newUser();
      const answer = await http.call('POST', '/auth/register', {
        rawBody: JSON.stringify({ ...user, lastName: '@' }).replace('"@"', `"${raw}"`),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'lastName' })]);
      const login = await http.post('/auth/login', { email: user.email, password: user.password });
      expect(login.status).toBe(401);
    });

    it('accepts letters of any script, punctuation and emoji, up to 100 characters', async () => {
      const user = await registerAndLogin(http);
      for (const name of ACCEPTED) {
        const answer = await http.patch('/me', { lastName: name }, user.token);
        expect(answer.status).toBe(200);
        expect(answer.body.lastName).toBe(name);
      }
    });
  },
);
