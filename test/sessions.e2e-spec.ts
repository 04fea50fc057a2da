import { filesContaining } from './support/data-dir-scan';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { startSecondApi } from './support/second-api';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

type Session = {
  sessionId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
};

// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])('session management (%s)', (readStore) => {
  let service: TestService;
  let second: Awaited<ReturnType<typeof startSecondApi>>;
  let a: HttpClient;
  let b: HttpClient;
  beforeAll(async () => {
    service = await startTestService({ readStore });
    second = await startSecondApi(service);
    a = httpClient(service.baseUrl);
    b = httpClient(second.baseUrl);
  });
  afterAll(async () => {
    await second.close();
    await service.close();
  });

  /** Logs in through `http` with a user agent of its own. */
  async function loginFrom(
    http: HttpClient,
    user: { email: string; password: string },
    agent: string,
  ) {
    const answer = await http.call('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
      headers: { 'user-agent': agent },
    });
    expect(answer.status).toBe(200);
    return answer.body.accessToken as string;
  }
  const sessionsOf = async (http: HttpClient, token: string): Promise<Session[]> => {
    const answer = await http.get('/me/sessions', token);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it('lists the sessions newest first, with their client, the current one marked', async () => {
    const user = await registerAndLogin(a);
    const laptop = await loginFrom(a, user, 'Laptop-Agent/1.0');
    const phone = await loginFrom(b, user, 'Phone-Agent/2.0');
    const items = await sessionsOf(a, laptop);
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.userAgent)).toEqual([
      'Phone-Agent/2.0',
      'Laptop-Agent/1.0',
      expect.any(String),
    ]);
    expect(items.filter((item) => item.current).map((item) => item.userAgent)).toEqual([
      'Laptop-Agent/1.0',
    ]);
    for (const item of items) {
      expect(item.ipAddress).toMatch(/127\.0\.0\.1/);
      expect(item.lastSeenAt).toMatch(/:00\.000Z$/); // minute precision
      expect(Date.parse(item.lastSeenAt)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(item.expiresAt)).toBeGreaterThan(Date.parse(item.createdAt));
    }
    const listed = await a.get('/me/sessions', phone);
    expect(listed.headers.get('cache-control')).toBe('no-store');
  });

  it('ends one session: refused at once on both instances; another user gets 404', async () => {
    const user = await registerAndLogin(a);
    const phone = await loginFrom(b, user, 'Phone-Agent/2.0');
    expect((await b.get('/me', phone)).status).toBe(200);
    const phoneSession = (await sessionsOf(a, user.token)).find((item) => !item.current);
    if (!phoneSession) throw new Error('the phone session is not listed');

    const stranger = await registerAndLogin(a);
    const foreign = await a.delete(`/me/sessions/${phoneSession.sessionId}`, stranger.token);
    expect(foreign.status).toBe(404);
    expect((await a.delete('/me/sessions/not-a-session', stranger.token)).status).toBe(404);
    expect((await b.get('/me', phone)).status).toBe(200);

    expect((await a.delete(`/me/sessions/${phoneSession.sessionId}`, user.token)).status).toBe(204);
    expect((await a.get('/me', phone)).status).toBe(401);
    expect((await b.get('/me', phone)).status).toBe(401);
    expect((await sessionsOf(a, user.token)).map((item) => item.sessionId)).not.toContain(
      phoneSession.sessionId,
    );
    expect((await a.delete(`/me/sessions/${phoneSession.sessionId}`, user.token)).status).toBe(404);
    const log = (await a.get('/me/security-log', user.token)).body.items;
    expect(log).toContainEqual(
      expect.objectContaining({
        type: 'SessionEnded',
        details: { sessionId: phoneSession.sessionId, reason: 'ended_by_user' },
      }),
    );
  });

  it('ends every other session, those started on the other instance too', async () => {
    const user = await registerAndLogin(a);
    const others = [
      await loginFrom(a, user, 'Other-A/1'),
      await loginFrom(b, user, 'Other-B/1'),
      await loginFrom(b, user, 'Other-B/2'),
    ];
    for (const token of others) expect((await b.get('/me', token)).status).toBe(200);
    expect((await b.delete('/me/sessions', user.token)).status).toBe(204);
    for (const token of others) {
      expect((await a.get('/me', token)).status).toBe(401);
      expect((await b.get('/me', token)).status).toBe(401);
    }
    expect((await a.get('/me', user.token)).status).toBe(200);
    const remaining = await sessionsOf(b, user.token);
    expect(remaining).toHaveLength(1);
    expect(remaining[0]?.current).toBe(true);
  });

  it('lists what is left after a password change: only the session that made it', async () => {
    const user = await registerAndLogin(a);
    await loginFrom(b, user, 'Elsewhere/1');
    const changed = await a.put(
      '/me/password',
      {
        currentPassword: user.password,
        newPassword: 'N3w!Passw0rd',
        confirmPassword: 'N3w!Passw0rd',
      },
      user.token,
    );
    expect(changed.status).toBe(204);
    const remaining = await sessionsOf(a, user.token);
    expect(remaining.map((item) => item.current)).toEqual([true]);
  });

  if (readStore === 'sqlite') {
    it('leaves no user agent of its sessions or failed logins readable once the account is deleted', async () => {
      const user = await registerAndLogin(a);
      const agent = `Distinctive-Agent-${Date.now()}`;
      const guesser = `Guessing-Agent-${Date.now()}`;
      await loginFrom(b, user, agent);
      const failed = await a.call('POST', '/auth/login', {
        body: { email: user.email, password: 'Wr0ng!Password' },
        headers: { 'user-agent': guesser },
      });
      expect(failed.status).toBe(401);
      for (let attempt = 0; attempt < 300; attempt++) {
        const log = (await a.get('/me/security-log', user.token)).body.items;
        if (log.some((entry: { type: string }) => entry.type === 'LoginFailed')) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // encrypted in the log: only the read store holds it in clear, until the account goes
      const inClear = filesContaining(service.dataDir, [agent, guesser]);
      expect(inClear.filter((hit) => hit.startsWith('events.sqlite'))).toEqual([]);
      expect((await sessionsOf(a, user.token)).map((item) => item.userAgent)).toContain(agent);
      const deleted = await a.delete('/me', user.token, {
        confirmation: 'delete my account',
        password: user.password,
      });
      expect(deleted.status).toBe(204);
      for (let attempt = 0; attempt < 500; attempt++) {
        if ((await service.projector.storage.dataKeys.get(user.userId)) === null) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (let attempt = 0; attempt < 500; attempt++) {
        if (filesContaining(service.dataDir, [agent, guesser]).length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(filesContaining(service.dataDir, [agent, guesser])).toEqual([]);
    });
  }
});
