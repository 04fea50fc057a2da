import {
  httpClient,
  registerAndLogin,
  type HttpClient,
} from '../../../../../test/support/http-client';
import { startTestService, type TestService } from '../../../../../test/support/test-service';

describe('PATCH /me', () => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  it('given new names, trims and saves them and moves the ETag', async () => {
    const user = await registerAndLogin(http);
    const answer = await http.patch(
      '/me',
      { firstName: '  Grace ', lastName: 'Hopper' },
      user.token,
      { 'if-match': 'W/"0"' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
      email: user.email,
    });
    expect(answer.headers.get('etag')).toBe('W/"1"');
    expect((await http.get('/me', user.token)).headers.get('etag')).toBe('W/"1"');
  });

  it('given a strong ETag form of the current revision, accepts it', async () => {
    const user = await registerAndLogin(http);
    expect(
      (await http.patch('/me', { lastName: 'B' }, user.token, { 'if-match': '"0"' })).status,
    ).toBe(200);
  });

  it.each([
    ['an empty body', {}, 'firstName'],
    ['an empty first name', { firstName: '' }, 'firstName'],
    ['a number as a name', { lastName: 42 }, 'lastName'],
    ['an unknown field', { nickname: 'x' }, 'nickname'],
  ])('given %s, answers 400 and changes nothing', async (_case, body, field) => {
    const user = await registerAndLogin(http);
    const answer = await http.patch('/me', body, user.token);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe(field);
    expect((await http.get('/me', user.token)).body).toMatchObject({
      firstName: user.firstName,
      lastName: user.lastName,
    });
  });

  it('given a malformed If-Match, answers 400', async () => {
    const user = await registerAndLogin(http);
    expect(
      (await http.patch('/me', { firstName: 'X' }, user.token, { 'if-match': 'garbage' })).status,
    ).toBe(400);
  });

  it('given the email among other fields, refuses it first', async () => {
    const user = await registerAndLogin(http);
    const answer = await http.patch('/me', { firstName: 'X', email: 'x@example.com' }, user.token);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ field: 'email' });
  });

  it('given many concurrent renames without If-Match, records each one and loses none', async () => {
    const user = await registerAndLogin(http);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => http.patch('/me', { lastName: `Name${i}` }, user.token)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    const revisions = answers.map((answer) => answer.headers.get('etag')).sort();
    expect(new Set(revisions).size).toBe(12);
  });
});
