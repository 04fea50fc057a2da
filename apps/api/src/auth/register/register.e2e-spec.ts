import { httpClient, newUser, type HttpClient } from '../../../../../test/support/http-client';
import { startTestService, type TestService } from '../../../../../test/support/test-service';

describe('POST /auth/register', () => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  it('given a valid sign-up, answers 201 with the new user id', async () => {
    const answer = await http.post('/auth/register', newUser());
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ userId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('given an email already taken in another case and with spaces, answers 409', async () => {
    const user = newUser();
    await http.post('/auth/register', user);
    const again = await http.post('/auth/register', {
      ...newUser(),
      email: `  ${user.email.toUpperCase()} `,
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({
      status: 409,
      code: 'EMAIL_TAKEN',
      errors: [{ field: 'email' }],
    });
  });

  // each message says what is wrong with the value (issue 10), not the rule's label
  it('given a weak password, answers 400 with one entry per failed rule', async () => {
    const answer = await http.post('/auth/register', newUser({ password: 'abc' }));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'password', message: 'password must be at least 8 characters', rule: 'min_length' },
      { field: 'password', message: 'password must contain a capital letter', rule: 'uppercase' },
      { field: 'password', message: 'password must contain a number', rule: 'number' },
      { field: 'password', message: 'password must contain a special character', rule: 'special' },
    ]);
  });

  it('given a refused sign-up, leaves the email free', async () => {
    const user = newUser();
    expect((await http.post('/auth/register', { ...user, password: 'abc' })).status).toBe(400);
    expect((await http.post('/auth/register', user)).status).toBe(201);
  });

  it.each([
    ['an unknown field', { ...newUser(), role: 'admin' }, 'role'],
    ['a malformed email', newUser({ email: 'not-an-email' }), 'email'],
    ['a blank first name', newUser({ firstName: '   ' }), 'firstName'],
    ['a control character in a name', newUser({ lastName: 'Love\u0007lace' }), 'lastName'],
    ['a name over 100 characters', newUser({ firstName: 'x'.repeat(101) }), 'firstName'],
  ])('given %s, answers 400 naming the field', async (_case, body, field) => {
    const answer = await http.post('/auth/register', body);
    expect(answer.status).toBe(400);
    expect(answer.body.type).toEqual(expect.any(String));
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each(['__proto__', 'constructor'])(
    'given a %s key, refuses it as an unknown field',
    async (key) => {
      const answer = await http.call('POST', '/auth/register', {
        rawBody: JSON.stringify(newUser()).replace('{', `{"${key}":{"admin":true},`),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]).toMatchObject({ field: key, rule: 'unknown_field' });
    },
  );

  it('given a compressed body, answers 415', async () => {
    const answer = await http.call('POST', '/auth/register', {
      rawBody: JSON.stringify(newUser()),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(answer.status).toBe(415);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('given malformed JSON, answers 400 without echoing it', async () => {
    const answer = await http.call('POST', '/auth/register', {
      rawBody: '{"email": "a@b.c", "password": "S3cret!xyz',
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).not.toContain('S3cret');
  });

  it('given an oversized body, answers 413', async () => {
    const answer = await http.post('/auth/register', {
      ...newUser(),
      firstName: 'x'.repeat(64 * 1024),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });
});
