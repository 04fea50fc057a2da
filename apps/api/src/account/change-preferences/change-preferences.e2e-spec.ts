import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store/sqlite-event-store';
import {
  httpClient,
  registerAndLogin,
  type HttpClient,
} from '../../../../../test/support/http-client';
import {
  startTestService,
  type ReadStoreKind,
  type TestService,
} from '../../../../../test/support/test-service';
import { readStoreUnderTest } from '../../../../../test/support/read-store-under-test';

// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'GET/PUT /me/preferences (%s)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    it('starts at system, keeps a chosen theme, and records the same theme only once', async () => {
      const user = await registerAndLogin(http);
      const initial = await http.get('/me/preferences', user.token);
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({ theme: 'system' });
      expect(initial.headers.get('cache-control')).toBe('no-store');

      const before = (await http.get('/me', user.token)).headers.get('etag');
      const dark = await http.put('/me/preferences', { theme: 'dark' }, user.token);
      expect(dark.status).toBe(200);
      expect(dark.body).toEqual({ theme: 'dark' });
      expect((await http.get('/me/preferences', user.token)).body).toEqual({ theme: 'dark' });
      // the theme is not part of the profile's revision: a pending rename stays valid
      expect((await http.get('/me', user.token)).headers.get('etag')).toBe(before);

      const again = await http.put('/me/preferences', { theme: 'dark' }, user.token);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ theme: 'dark' });
      expect((await http.get('/me', user.token)).headers.get('etag')).toBe(before);
      // nothing recorded the second time
      const store = new SqliteEventStore(join(service.dataDir, 'events.sqlite'));
      try {
        const types = (await store.readStream(`account-${user.userId}`)).map((e) => e.type);
        expect(types.filter((type) => type === 'ThemeChanged')).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    it('refuses an unknown theme or an extra field with 400 and changes nothing', async () => {
      const user = await registerAndLogin(http);
      const unknown = await http.put('/me/preferences', { theme: 'purple' }, user.token);
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('theme');
      const extra = await http.put('/me/preferences', { theme: 'light', font: 'big' }, user.token);
      expect(extra.status).toBe(400);
      expect((await http.put('/me/preferences', {}, user.token)).status).toBe(400);
      expect((await http.get('/me/preferences', user.token)).body).toEqual({ theme: 'system' });
    });

    it('needs a user session', async () => {
      expect((await http.get('/me/preferences')).status).toBe(401);
      expect((await http.put('/me/preferences', { theme: 'dark' })).status).toBe(401);
    });
  },
);
