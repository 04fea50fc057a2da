import { gzipSync } from 'node:zlib';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';

const PROBLEM = 'application/problem+json';

/** A newcomer's mistakes, each answered as API.md "Conventions" promises. */
describe.each<ReadStoreKind>(['sqlite', 'mongo'])(
  'HTTP conventions (%s read store)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    let user: Awaited<ReturnType<typeof registerAndLogin>>;
    let orgId: string;
    let key: string;

    beforeAll(async () => {
      service = await startTestService({
        readStore,
        env: { CORS_ORIGINS: 'https://settings.example.com' },
      });
      http = httpClient(service.baseUrl);
      user = await registerAndLogin(http);
      orgId = (await http.post('/orgs', { name: 'Acme' }, user.token)).body.organizationId;
      key = (await http.post(`/orgs/${orgId}/api-keys`, { description: 'CI' }, user.token)).body
        .key;
    });
    afterAll(() => service.close());

    const expectProblem = (
      answer: { status: number; headers: Headers; body: any },
      status: number,
      code: string,
    ) => {
      expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code });
      expect(answer.headers.get('content-type')).toContain(PROBLEM);
      expect(answer.body.type).toBe(
        `https://account-keys.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      );
    };

    it('answers 415 to a body that is not application/json, before looking at its fields', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const answer = await http.call('POST', '/auth/register', {
          rawBody: 'email=a@example.com',
          headers: { 'content-type': contentType },
        });
        expectProblem(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('answers 415 to a compressed body', async () => {
      const response = await fetch(`${service.baseUrl}/password-policy/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ password: 'x' })),
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('names a missing field as required, not as too long', async () => {
      const answer = await http.post('/password-policy/check', {});
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(answer.body.errors).toEqual([
        { field: 'password', message: 'password is required', rule: 'required' },
      ]);
    });

    it('names a value of the wrong type as wrong_type, once', async () => {
      const answer = await http.post('/password-policy/check', { password: 42 });
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(answer.body.errors).toEqual([
        { field: 'password', message: 'password must be a string', rule: 'wrong_type' },
      ]);
    });

    it('treats null as absent: fine for an optional field, required for a required one', async () => {
      const optional = await http.post('/password-policy/check', {
        password: 'Str0ng!Passw0rd',
        confirmPassword: null,
      });
      expect(optional.status).toBe(200);
      expect(optional.body.rules.map((rule: { id: string }) => rule.id)).not.toContain('match');
      const required = await http.post('/password-policy/check', { password: null });
      expect(required.body.errors[0]).toMatchObject({ field: 'password', rule: 'required' });
      const names = await http.patch('/me', { firstName: null, lastName: null }, user.token);
      expectProblem(names, 400, 'VALIDATION_FAILED');
      expect(names.body.errors.map((error: { rule: string }) => error.rule)).toEqual([
        'required',
        'required',
      ]);
    });

    it('says a mismatched confirmation does not match', async () => {
      const answer = await http.put(
        '/me/password',
        {
          currentPassword: user.password,
          newPassword: 'An0ther!Passw0rd',
          confirmPassword: 'Different!Passw0rd1',
        },
        user.token,
      );
      expect(answer.body.errors).toEqual([
        {
          field: 'confirmPassword',
          message: 'confirmPassword does not match newPassword',
          rule: 'match',
        },
      ]);
    });

    it('uses snake_case rule ids, the same for every display name', async () => {
      const org = await http.post('/orgs', { name: ' ' }, user.token);
      const name = await http.patch('/me', { firstName: 'A\u202Eb' }, user.token);
      const email = await http.patch('/me', { email: 'x@example.com' }, user.token);
      expect(org.body.errors[0]).toMatchObject({ field: 'name', rule: 'too_short' });
      expect(name.body.errors[0]).toMatchObject({
        field: 'firstName',
        rule: 'forbidden_characters',
      });
      expect(email.body.errors[0]).toMatchObject({ field: 'email', rule: 'read_only' });
    });

    it('accepts the Bearer scheme in any case', async () => {
      const lower = await http.get('/me', undefined, { authorization: `bearer ${user.token}` });
      expect(lower.status).toBe(200);
    });

    it('answers 401 with WWW-Authenticate to a missing or malformed credential', async () => {
      const missing = await http.get('/me');
      const malformed = await http.get('/me', undefined, { authorization: user.token });
      for (const answer of [missing, malformed]) {
        expectProblem(answer, 401, 'UNAUTHENTICATED');
        expect(answer.headers.get('www-authenticate')).toContain('Bearer');
      }
    });

    it('never ignores a bad credential next to a good one', async () => {
      const badKey = await http.get(`/orgs/${orgId}`, user.token, { 'x-api-key': 'garbage' });
      expectProblem(badKey, 401, 'UNAUTHENTICATED');
      const badToken = await http.get(`/orgs/${orgId}`, undefined, {
        'x-api-key': key,
        authorization: 'Bearer not-a-token',
      });
      expectProblem(badToken, 401, 'UNAUTHENTICATED');
      const both = await http.get(`/orgs/${orgId}`, user.token, { 'x-api-key': key });
      expectProblem(both, 400, 'AMBIGUOUS_CREDENTIALS');
    });

    it('answers 405 with Allow to a method a known path does not have', async () => {
      const answer = await http.put('/me', { firstName: 'Ada' }, user.token);
      expectProblem(answer, 405, 'METHOD_NOT_ALLOWED');
      expect(answer.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
      expectProblem(await http.get('/no-such-path'), 404, 'NOT_FOUND');
      const longId = await http.get(`/orgs/${'x'.repeat(500)}`, user.token);
      expectProblem(longId, 404, 'NOT_FOUND');
    });

    it('answers 413 to a body over the limit', async () => {
      const answer = await http.call('POST', '/password-policy/check', {
        rawBody: JSON.stringify({ password: 'x'.repeat(64 * 1024) }),
      });
      expectProblem(answer, 413, 'BODY_TOO_LARGE');
    });

    it('keeps secrets and personal answers out of caches, and puts ETags only on revisions', async () => {
      const login = await http.post('/auth/login', { email: user.email, password: user.password });
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect(login.headers.get('etag')).toBeNull();
      const created = await http.post(`/orgs/${orgId}/api-keys`, { description: 'x' }, user.token);
      expect(created.headers.get('cache-control')).toBe('no-store');
      const me = await http.get('/me', user.token);
      expect(me.headers.get('cache-control')).toBe('no-store');
      expect(me.headers.get('etag')).toMatch(/^W\/"\d+"$/);
      expect((await http.get('/me/nothing-here', user.token)).headers.get('cache-control')).toBe(
        'no-store',
      );
      expect((await http.get('/password-policy')).headers.get('etag')).toBeNull();
    });

    it('answers CORS preflights for the configured origins only', async () => {
      const preflight = (origin: string) =>
        fetch(`${service.baseUrl}/me`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'PATCH',
            'access-control-request-headers': 'authorization,content-type,if-match',
          },
        });
      const allowed = await preflight('https://settings.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(
        'https://settings.example.com',
      );
      expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
      const other = await preflight('https://evil.example.com');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  },
);
