import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import { httpClient, newUser, type HttpClient } from './support/http-client';
import { readStoreUnderTest } from './support/read-store-under-test';
import { startTestService, type TestService } from './support/test-service';

/** The walkthrough, as a new user meets it (on each read store: see jest.config.js). */
describe(`account self-service over HTTP (${readStoreUnderTest()} read store)`, () => {
  let service: TestService;
  let http: HttpClient;

  beforeAll(async () => {
    service = await startTestService();
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  const eventTypesOf = async (stream: string) => {
    const store = new SqliteEventStore(join(service.dataDir, 'events.sqlite'));
    try {
      return (await store.readStream(stream)).map((event) => event.type);
    } finally {
      await store.close();
    }
  };

  it('walks a new user from sign-up to a password change', async () => {
    // given a new user who registers and logs in on two devices
    const user = newUser();
    const registered = await http.post('/auth/register', user);
    expect(registered.status).toBe(201);
    const userId = registered.body.userId as string;
    const laptop = (await http.post('/auth/login', { email: user.email, password: user.password }))
      .body;
    const phone = (
      await http.post('/auth/login', {
        email: ` ${user.email.toUpperCase()} `,
        password: user.password,
      })
    ).body;
    expect(laptop).toMatchObject({ tokenType: 'Bearer' });
    expect(typeof phone.accessToken).toBe('string');

    // when they read their profile
    const profile = await http.get('/me', laptop.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({
      userId,
      email: user.email,
      firstName: 'Ada',
      lastName: 'Lovelace',
      twoFactorEnabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const etag = profile.headers.get('etag') as string;
    expect(etag).toBe('W/"0"');

    // and change their first name twice to the same value: one event, both answers 200
    const first = await http.patch('/me', { firstName: 'Augusta' }, laptop.accessToken, {
      'if-match': etag,
    });
    expect(first.status).toBe(200);
    expect(first.body.firstName).toBe('Augusta');
    const second = await http.patch('/me', { firstName: 'Augusta' }, laptop.accessToken);
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await eventTypesOf(`account-${userId}`)).toEqual(['AccountRegistered', 'NameChanged']);

    // the change is read back at once (read-your-writes)
    expect((await http.get('/me', laptop.accessToken)).body.firstName).toBe('Augusta');

    // a stale If-Match is refused and changes nothing
    const stale = await http.patch('/me', { lastName: 'King' }, laptop.accessToken, {
      'if-match': etag,
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');

    // the email cannot be changed
    const emailChange = await http.patch('/me', { email: 'new@example.com' }, laptop.accessToken);
    expect(emailChange.status).toBe(400);
    expect(emailChange.body.errors[0].field).toBe('email');
    expect((await http.get('/me', laptop.accessToken)).body).toMatchObject({
      email: user.email,
      lastName: 'Lovelace',
    });

    // the checklist reacts as they type
    const typing = await http.post('/password-policy/check', { password: 'newpass' });
    expect(typing.body.valid).toBe(false);
    expect(
      typing.body.rules
        .filter((rule: { met: boolean }) => !rule.met)
        .map((rule: { id: string }) => rule.id),
    ).toEqual(['min_length', 'uppercase', 'number', 'special']);
    const typed = await http.post('/password-policy/check', {
      password: 'N3w!Secret',
      confirmPassword: 'N3w!Secret',
    });
    expect(typed.body.valid).toBe(true);
    expect(typed.body.rules.at(-1)).toEqual({ id: 'match', label: 'Passwords match', met: true });

    // they change the password on the laptop
    const changed = await http.put(
      '/me/password',
      {
        currentPassword: user.password,
        newPassword: 'N3w!Secret',
        confirmPassword: 'N3w!Secret',
      },
      laptop.accessToken,
    );
    expect(changed.status).toBe(204);

    // then the old password is refused, the new one accepted, the phone's session rejected
    expect(
      (await http.post('/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    expect(
      (await http.post('/auth/login', { email: user.email, password: 'N3w!Secret' })).status,
    ).toBe(200);
    expect((await http.get('/me', phone.accessToken)).status).toBe(401);
    expect((await http.get('/me', laptop.accessToken)).status).toBe(200);
  });

  it('refuses a wrong current password with 403 and keeps the old one', async () => {
    const user = newUser();
    await http.post('/auth/register', user);
    const { accessToken } = (
      await http.post('/auth/login', { email: user.email, password: user.password })
    ).body;
    const answer = await http.put(
      '/me/password',
      {
        currentPassword: 'Wr0ng!Password',
        newPassword: 'N3w!Secret',
        confirmPassword: 'N3w!Secret',
      },
      accessToken,
    );
    expect(answer.status).toBe(403);
    expect(
      (await http.post('/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);
  });

  it('names every failed rule of a weak new password and changes nothing', async () => {
    const user = newUser();
    const { userId } = (await http.post('/auth/register', user)).body;
    const { accessToken } = (
      await http.post('/auth/login', { email: user.email, password: user.password })
    ).body;
    const answer = await http.put(
      '/me/password',
      { currentPassword: user.password, newPassword: 'weak', confirmPassword: 'weaker' },
      accessToken,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { rule: string }) => error.rule)).toEqual([
      'min_length',
      'uppercase',
      'number',
      'special',
      'match',
    ]);
    expect(await eventTypesOf(`account-${userId}`)).toEqual(['AccountRegistered']);
  });

  it('ends a session at logout', async () => {
    const user = newUser();
    await http.post('/auth/register', user);
    const { accessToken } = (
      await http.post('/auth/login', { email: user.email, password: user.password })
    ).body;
    expect((await http.post('/auth/logout', undefined, accessToken)).status).toBe(204);
    expect((await http.get('/me', accessToken)).status).toBe(401);
  });
});
