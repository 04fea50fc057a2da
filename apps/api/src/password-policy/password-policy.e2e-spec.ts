import { httpClient, type HttpClient } from '../../../../test/support/http-client';
import { startTestService, type TestService } from '../../../../test/support/test-service';

describe('password policy endpoints', () => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  it('lists the rules, the five of the seed first, without authentication', async () => {
    const answer = await http.get('/password-policy');
    expect(answer.status).toBe(200);
    expect(answer.body.rules.slice(0, 5).map((rule: { id: string }) => rule.id)).toEqual([
      'min_length',
      'uppercase',
      'lowercase',
      'number',
      'special',
    ]);
    expect(answer.body.rules[0]).toEqual({ id: 'min_length', label: 'At least 8 characters' });
  });

  it('checks a password without storing anything', async () => {
    const before = (await http.get('/health')).body.projector.head;
    const answer = await http.post('/password-policy/check', { password: 'Abcdefg1!' });
    expect(answer.status).toBe(200);
    expect(answer.body.valid).toBe(true);
    expect(answer.body.rules.every((rule: { met: boolean }) => rule.met)).toBe(true);
    expect((await http.get('/health')).body.projector.head).toBe(before);
  });

  it('given a missing password, answers 400', async () => {
    expect((await http.post('/password-policy/check', { confirmPassword: 'x' })).status).toBe(400);
  });
});
