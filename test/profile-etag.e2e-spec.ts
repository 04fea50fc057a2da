import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { readStoreUnderTest } from './support/read-store-under-test';
import { startSecondApi } from './support/second-api';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { totpCode } from './support/totp';

const STEP_MS = 30_000;

// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  "GET /me's ETag is the profile's revision (%s)",
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    const etagOf = async (token: string) =>
      (await http.get('/me', token)).headers.get('etag') as string;

    it('given a password change, keeps the ETag, and a PATCH with it answers 200', async () => {
      const user = await registerAndLogin(http);
      const etag = await etagOf(user.token);
      expect(etag).toBe('W/"0"');
      const newPassword = 'N3w!Passw0rd';
      const changed = await http.put(
        '/me/password',
        { currentPassword: user.password, newPassword, confirmPassword: newPassword },
        user.token,
      );
      expect(changed.status).toBe(204);
      expect(await etagOf(user.token)).toBe(etag);

      const renamed = await http.patch('/me', { firstName: 'Augusta' }, user.token, {
        'if-match': etag,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.firstName).toBe('Augusta');
      expect(renamed.headers.get('etag')).toBe('W/"1"');
      expect(await etagOf(user.token)).toBe('W/"1"');
    });

    it('given two-factor turned on, a login with a code, a wrong code and a theme, keeps the ETag', async () => {
      const user = await registerAndLogin(http);
      const etag = await etagOf(user.token);
      const setup = await http.post('/me/2fa/totp', { password: user.password }, user.token);
      expect(setup.status).toBe(200);
      const confirmed = await http.post(
        '/me/2fa/totp/confirm',
        { code: totpCode(setup.body.secret) },
        user.token,
      );
      expect(confirmed.status).toBe(200);

      // the phone logs in: one wrong code, then the next step's code
      const phone = await http.post('/auth/login', { email: user.email, password: user.password });
      expect(phone.body.mfaRequired).toBe(true);
      const nextCode = totpCode(setup.body.secret, Date.now() + STEP_MS);
      const wrongCode = nextCode === '000000' ? '111111' : '000000';
      expect(
        (await http.post('/auth/login/mfa', { mfaToken: phone.body.mfaToken, code: wrongCode }))
          .status,
      ).toBe(401);
      const loggedIn = await http.post('/auth/login/mfa', {
        mfaToken: phone.body.mfaToken,
        code: nextCode,
      });
      expect(loggedIn.status).toBe(200);
      expect(
        (await http.put('/me/preferences', { theme: 'dark' }, loggedIn.body.accessToken)).status,
      ).toBe(200);

      const profile = await http.get('/me', user.token);
      expect(profile.body.twoFactorEnabled).toBe(true);
      expect(profile.headers.get('etag')).toBe(etag);
      // the settings page's pending auto-save still lands
      const saved = await http.patch('/me', { lastName: 'King' }, user.token, {
        'if-match': etag,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ lastName: 'King', twoFactorEnabled: true });
    });

    it("given a rename on another tab, refuses the first tab's If-Match with 412 and changes nothing", async () => {
      const user = await registerAndLogin(http);
      const firstTab = await etagOf(user.token);
      const secondTab = await etagOf(user.token);
      const other = await http.patch('/me', { firstName: 'Grace' }, user.token, {
        'if-match': secondTab,
      });
      expect(other.status).toBe(200);

      const stale = await http.patch('/me', { firstName: 'Augusta' }, user.token, {
        'if-match': firstTab,
      });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('content-type')).toContain('application/problem+json');
      expect(stale.body.code).toBe('STALE_REVISION');
      const profile = await http.get('/me', user.token);
      expect(profile.body.firstName).toBe('Grace');
      expect(profile.headers.get('etag')).toBe(other.headers.get('etag'));
    });

    it('given concurrent renames without If-Match, records every one', async () => {
      const user = await registerAndLogin(http);
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => http.patch('/me', { lastName: `N${i}` }, user.token)),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
      expect(new Set(answers.map((answer) => answer.headers.get('etag'))).size).toBe(8);
      expect(await etagOf(user.token)).toBe('W/"8"');
    });

    it('given theme changes on another api instance racing a guarded rename, answers 200 whichever lands first', async () => {
      const second = await startSecondApi(service);
      try {
        const elsewhere = httpClient(second.baseUrl);
        const user = await registerAndLogin(http);
        const etag = await etagOf(user.token);
        const [renamed, ...themes] = await Promise.all([
          http.patch('/me', { firstName: 'Augusta' }, user.token, { 'if-match': etag }),
          ...['dark', 'light', 'dark', 'light'].map((theme) =>
            elsewhere.put('/me/preferences', { theme }, user.token),
          ),
        ]);
        expect(themes.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
        expect(renamed.status).toBe(200);
        expect(renamed.headers.get('etag')).toBe('W/"1"');
      } finally {
        await second.close();
      }
    });
  },
);
