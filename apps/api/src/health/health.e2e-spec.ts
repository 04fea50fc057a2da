import { httpClient, registerAndLogin } from '../../../../test/support/http-client';
import { startTestService, type TestService } from '../../../../test/support/test-service';

describe('GET /health and the OpenAPI document', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  it('reports both stores up and the projector caught up', async () => {
    const http = httpClient(service.baseUrl);
    const user = await registerAndLogin(http);
    await http.get('/me', user.token); // waits for the projector to pass the login
    const answer = await http.get('/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      eventStore: 'up',
      readStore: 'up',
      projector: { lag: 0 },
    });
    expect(answer.body.projector.checkpoint).toBe(answer.body.projector.head);
  });

  it('serves the OpenAPI document and its UI', async () => {
    const http = httpClient(service.baseUrl);
    const json = await http.get('/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/auth/register',
        '/auth/login',
        '/me',
        '/me/password',
        '/password-policy/check',
        '/health',
      ]),
    );
    const ui = await fetch(`${service.baseUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const answer = await httpClient(service.baseUrl).get('/nope');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });
});
