import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

type Entry = { type: string; occurredAt: string; details: Record<string, unknown> };

// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])('GET /me/security-log (%s)', (readStore) => {
  let service: TestService;
  let http: HttpClient;
  beforeAll(async () => {
    service = await startTestService({ readStore });
    http = httpClient(service.baseUrl);
  });
  afterAll(() => service.close());

  const page = async (token: string, query: string) => {
    const answer = await http.get(`/me/security-log${query}`, token);
    expect(answer.status).toBe(200);
    return answer.body as { items: Entry[]; next: string | null };
  };

  it('shows a failed login with the client it came from', async () => {
    const user = await registerAndLogin(http);
    const failed = await http.call('POST', '/auth/login', {
      body: { email: user.email, password: 'Wr0ng!Password' },
      headers: { 'user-agent': 'Guessing-Agent/1.0' },
    });
    expect(failed.status).toBe(401);
    let entries: Entry[] = [];
    for (let attempt = 0; attempt < 300; attempt++) {
      entries = (await page(user.token, '')).items;
      if (entries.some((entry) => entry.type === 'LoginFailed')) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(entries[0]).toEqual({
      type: 'LoginFailed',
      occurredAt: expect.any(String),
      details: {
        reason: 'wrong_password',
        userAgent: 'Guessing-Agent/1.0',
        ipAddress: expect.stringMatching(/127\.0\.0\.1/),
      },
    });
  });

  it('pages newest first through more than one page, in order, without gaps or repeats', async () => {
    const user = await registerAndLogin(http);
    for (let login = 0; login < 6; login++) {
      const again = await http.post('/auth/login', { email: user.email, password: user.password });
      expect(again.status).toBe(200);
    }
    const other = await registerAndLogin(http); // someone else's entries stay out
    await http.post('/auth/login', { email: other.email, password: other.password });

    const everything = await page(user.token, '?limit=200');
    expect(everything.next).toBeNull();
    expect(everything.items.length).toBe(7); // the sign-up login and six more
    const times = everything.items.map((entry) => Date.parse(entry.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const paged: Entry[] = [];
    let query = '?limit=3';
    let pages = 0;
    for (;;) {
      const current = await page(user.token, query);
      pages += 1;
      expect(current.items.length).toBeLessThanOrEqual(3);
      paged.push(...current.items);
      if (current.next === null) break;
      query = `?limit=3&before=${current.next}`;
    }
    expect(pages).toBe(3);
    expect(paged).toEqual(everything.items);
  });

  it('refuses a malformed cursor or limit with 400', async () => {
    const user = await registerAndLogin(http);
    for (const query of ['?before=abc', '?limit=0', '?limit=201', '?limit=x', '?after=1']) {
      const answer = await http.get(`/me/security-log${query}`, user.token);
      expect(answer.status).toBe(400);
    }
  });
});
