import {
  httpClient,
  registerAndLogin,
  type HttpClient,
} from '../../../../../test/support/http-client';
import { startTestService, type TestService } from '../../../../../test/support/test-service';

describe('GET /me', () => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  it('given a session, answers the profile and its ETag', async () => {
    const user = await registerAndLogin(http);
    const answer = await http.get('/me', user.token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      userId: user.userId,
      email: user.email,
      firstName: user.firstName,
    });
    expect(answer.headers.get('etag')).toBe('W/"0"');
  });

  it.each([
    ['no credential', undefined],
    ['a malformed token', 'not-a-token'],
    ['a well-formed unknown token', `st_00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`],
  ])('given %s, answers 401 problem+json', async (_case, token) => {
    const answer = await http.get('/me', token);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      status: 401,
      title: expect.any(String),
      detail: expect.any(String),
    });
  });

  it('given a token whose secret was altered, answers 401', async () => {
    const user = await registerAndLogin(http);
    const tampered = user.token.slice(0, -1) + (user.token.endsWith('A') ? 'B' : 'A');
    expect((await http.get('/me', tampered)).status).toBe(401);
  });
});
