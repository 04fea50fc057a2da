import { httpClient, newUser, type HttpClient } from '../../../../../test/support/http-client';
import { startTestService, type TestService } from '../../../../../test/support/test-service';

describe('POST /auth/login', () => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService({ env: { LOGIN_MAX_FAILURES: '3' } });
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  it('given the right password, answers a bearer token with its expiry', async () => {
    const user = newUser();
    await http.post('/auth/register', user);
    const answer = await http.post('/auth/login', { email: user.email, password: user.password });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      accessToken: expect.stringMatching(/^st_/),
      tokenType: 'Bearer',
      expiresAt: expect.any(String),
    });
    expect(Date.parse(answer.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('given an unknown email or a wrong password, answers the same 401', async () => {
    const user = newUser();
    await http.post('/auth/register', user);
    const unknown = await http.post('/auth/login', {
      email: newUser().email,
      password: user.password,
    });
    const wrong = await http.post('/auth/login', { email: user.email, password: 'Wr0ng!Password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const { requestId: _a, ...unknownBody } = unknown.body;
    const { requestId: _b, ...wrongBody } = wrong.body;
    expect(unknownBody).toEqual(wrongBody);
  });

  it('given repeated failures for one email, answers 429 even to the right password', async () => {
    const user = newUser();
    await http.post('/auth/register', user);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(
        (await http.post('/auth/login', { email: user.email, password: 'Wr0ng!Password' })).status,
      ).toBe(401);
    }
    const throttled = await http.post('/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = newUser();
    await http.post('/auth/register', other);
    expect(
      (await http.post('/auth/login', { email: other.email, password: other.password })).status,
    ).toBe(200);
  });

  it('given a missing password, answers 400', async () => {
    const answer = await http.post('/auth/login', { email: 'a@example.com' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('password');
  });
});
