import { loadSecrets } from '@app/platform/config/secrets';
import { DataKeyRing } from '@app/platform/personal-data/data-key-ring';
import { PersonalDataCodec } from '@app/platform/personal-data/personal-data.codec';
import { toExportedEvent } from '../apps/audit/src/export-history';
import { filesContaining, storedHashesOf } from './support/data-dir-scan';
import { httpClient, registerAndLogin, type HttpClient } from './support/http-client';
import { startSecondApi } from './support/second-api';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { RFC_6238_CHECK, totpCode } from './support/totp';
import { readStoreUnderTest } from './support/read-store-under-test';

const STEP_MS = 30_000;

// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'two-factor authentication (%s)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    beforeAll(async () => {
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
    });
    afterAll(() => service.close());

    /** A user with two-factor on: the secret and recovery codes as the API handed them out. */
    async function userWithTwoFactor() {
      const user = await registerAndLogin(http);
      const setup = await http.post('/me/2fa/totp', { password: user.password }, user.token);
      expect(setup.status).toBe(200);
      const secret: string = setup.body.secret;
      const confirmed = await http.post(
        '/me/2fa/totp/confirm',
        { code: totpCode(secret) },
        user.token,
      );
      expect(confirmed.status).toBe(200);
      return { ...user, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
    }

    const passwordStep = async (user: { email: string; password: string }) => {
      const answer = await http.post('/auth/login', { email: user.email, password: user.password });
      expect(answer.status).toBe(200);
      return answer.body;
    };

    it('computes codes the way RFC 6238 does (the test helper itself)', () =>
      expect(totpCode(RFC_6238_CHECK.secret, RFC_6238_CHECK.at)).toBe(RFC_6238_CHECK.code));

    it('sets up: a pending secret with its otpauth URL and QR code, on once confirmed', async () => {
      const user = await registerAndLogin(http);
      expect((await http.get('/me', user.token)).body.twoFactorEnabled).toBe(false);
      expect((await http.post('/me/2fa/totp', { password: 'Wr0ng!Pass' }, user.token)).status).toBe(
        403,
      );
      const setup = await http.post('/me/2fa/totp', { password: user.password }, user.token);
      expect(setup.status).toBe(200);
      expect(setup.headers.get('cache-control')).toBe('no-store');
      expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.+secret=/);
      expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
      expect(setup.body.otpauthUrl).toMatch(/algorithm=SHA1&digits=6&period=30/);
      expect(setup.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      // still off until a code is confirmed
      expect((await http.get('/me', user.token)).body.twoFactorEnabled).toBe(false);
      const wrong = await http.post('/me/2fa/totp/confirm', { code: '000000' }, user.token);
      expect([403, 200]).toContain(wrong.status); // 000000 is right once in a million
      if (wrong.status === 403) expect(wrong.body.code).toBe('INVALID_TWO_FACTOR_CODE');

      const confirmed = await http.post(
        '/me/2fa/totp/confirm',
        { code: totpCode(setup.body.secret) },
        user.token,
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
      expect((await http.get('/me', user.token)).body.twoFactorEnabled).toBe(true);
      const again = await http.post('/me/2fa/totp', { password: user.password }, user.token);
      expect(again.status).toBe(409);
    });

    it('answers 429 after five wrong passwords, so a stolen session guesses no further', async () => {
      const user = await registerAndLogin(http);
      for (let attempt = 0; attempt < 5; attempt++) {
        const wrong = await http.post(
          '/me/2fa/totp',
          { password: `Wr0ng!Pass${attempt}` },
          user.token,
        );
        expect(wrong.status).toBe(403);
      }
      const throttled = await http.post('/me/2fa/totp', { password: user.password }, user.token);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      const off = await http.delete('/me/2fa', user.token, {
        password: 'Wr0ng!Pass',
        code: '123456',
      });
      expect(off.status).toBe(429);
    });

    it('counts its wrong passwords with PUT /me/password and DELETE /me: one budget per user', async () => {
      const user = await registerAndLogin(http);
      for (let attempt = 0; attempt < 3; attempt++) {
        const wrong = await http.post(
          '/me/2fa/totp',
          { password: `Wr0ng!Pass${attempt}` },
          user.token,
        );
        expect(wrong.status).toBe(403);
      }
      for (let attempt = 0; attempt < 2; attempt++) {
        const wrong = await http.put(
          '/me/password',
          {
            currentPassword: `Wr0ng!Pass${attempt}`,
            newPassword: 'N3w!Passw0rd',
            confirmPassword: 'N3w!Passw0rd',
          },
          user.token,
        );
        expect(wrong.status).toBe(403);
      }
      const deletion = await http.delete('/me', user.token, {
        confirmation: 'delete my account',
        password: user.password,
      });
      expect(deletion.status).toBe(429);
      const setup = await http.post('/me/2fa/totp', { password: user.password }, user.token);
      expect(setup.status).toBe(429);
    });

    it('logs in with a code, never without one, and refuses a code used before', async () => {
      const user = await userWithTwoFactor();
      const first = await passwordStep(user);
      expect(first).toEqual({
        mfaRequired: true,
        mfaToken: expect.any(String),
        expiresAt: expect.any(String),
      });
      expect(first.accessToken).toBeUndefined();
      const ttl = Date.parse(first.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(4 * 60_000);
      expect(ttl).toBeLessThanOrEqual(5 * 60_000);
      // the mfa token is not a bearer token
      expect((await http.get('/me', first.mfaToken)).status).toBe(401);
      expect((await http.post('/auth/login/mfa', { mfaToken: first.mfaToken })).status).toBe(400);

      // the next step's code: accepted one step either side, and later than the confirming one
      const code = totpCode(user.secret, Date.now() + STEP_MS);
      const loggedIn = await http.post('/auth/login/mfa', { mfaToken: first.mfaToken, code });
      expect(loggedIn.status).toBe(200);
      expect(loggedIn.body).toEqual({
        accessToken: expect.stringMatching(/^st_/),
        tokenType: 'Bearer',
        expiresAt: expect.any(String),
      });
      expect((await http.get('/me', loggedIn.body.accessToken)).status).toBe(200);

      const second = await passwordStep(user);
      const replayed = await http.post('/auth/login/mfa', { mfaToken: second.mfaToken, code });
      expect(replayed.status).toBe(401);
      expect(replayed.body.code).toBe('SECOND_FACTOR_FAILED');
      const stale = totpCode(user.secret, Date.now() - 3 * STEP_MS);
      expect(
        (await http.post('/auth/login/mfa', { mfaToken: second.mfaToken, code: stale })).status,
      ).toBe(401);
      const forged = `${second.mfaToken.slice(0, -2)}AA`;
      expect((await http.post('/auth/login/mfa', { mfaToken: forged, code })).status).toBe(401);
    });

    it('refuses on another api instance a code accepted on this one, and lets one of two racing logins in', async () => {
      const second = await startSecondApi(service);
      try {
        const other = httpClient(second.baseUrl);
        const user = await userWithTwoFactor();
        const code = totpCode(user.secret, Date.now() + STEP_MS);
        const [first, replay] = [await passwordStep(user), await passwordStep(user)];
        expect(
          (await http.post('/auth/login/mfa', { mfaToken: first.mfaToken, code })).status,
        ).toBe(200);
        const elsewhere = await other.post('/auth/login/mfa', { mfaToken: replay.mfaToken, code });
        expect(elsewhere.status).toBe(401);

        // one fresh code presented to both instances at once: exactly one session starts
        const racer = await userWithTwoFactor();
        const racing = totpCode(racer.secret, Date.now() + STEP_MS);
        const [a, b] = [await passwordStep(racer), await passwordStep(racer)];
        const answers = await Promise.all([
          http.post('/auth/login/mfa', { mfaToken: a.mfaToken, code: racing }),
          other.post('/auth/login/mfa', { mfaToken: b.mfaToken, code: racing }),
        ]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
      } finally {
        await second.close();
      }
    });

    it('accepts each recovery code once', async () => {
      const user = await userWithTwoFactor();
      const [recovery] = user.recoveryCodes;
      const first = await passwordStep(user);
      const used = await http.post('/auth/login/mfa', { mfaToken: first.mfaToken, code: recovery });
      expect(used.status).toBe(200);
      const second = await passwordStep(user);
      const again = await http.post('/auth/login/mfa', {
        mfaToken: second.mfaToken,
        code: recovery,
      });
      expect(again.status).toBe(401);
      const log = await http.get('/me/security-log', used.body.accessToken);
      expect(log.body.items.map((item: { type: string }) => item.type)).toEqual(
        expect.arrayContaining(['TwoFactorEnabled', 'RecoveryCodeUsed', 'TwoFactorCodeRejected']),
      );
    });

    it('answers 429 after five wrong codes, even to a right one', async () => {
      const user = await userWithTwoFactor();
      const { mfaToken } = await passwordStep(user);
      const wrong = totpCode(user.secret, Date.now() + 10 * STEP_MS);
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await http.post('/auth/login/mfa', { mfaToken, code: wrong })).status).toBe(401);
      }
      const code = totpCode(user.secret, Date.now() + STEP_MS);
      const throttled = await http.post('/auth/login/mfa', { mfaToken, code });
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('turns off with the password and a code; then the password alone logs in', async () => {
      const user = await userWithTwoFactor();
      const code = totpCode(user.secret, Date.now() + STEP_MS);
      const wrongPassword = await http.delete('/me/2fa', user.token, {
        password: 'Wr0ng!Pass',
        code,
      });
      expect(wrongPassword.status).toBe(403);
      const wrongCode = await http.delete('/me/2fa', user.token, {
        password: user.password,
        code: 'aaaaa-aaaaa',
      });
      expect(wrongCode.status).toBe(403);
      const off = await http.delete('/me/2fa', user.token, {
        password: user.password,
        code: user.recoveryCodes[3],
      });
      expect(off.status).toBe(204);
      expect((await http.get('/me', user.token)).body.twoFactorEnabled).toBe(false);
      const login = await passwordStep(user);
      expect(login.accessToken).toMatch(/^st_/);
      expect(login.mfaRequired).toBeUndefined();
      const types = (await http.get('/me/security-log', user.token)).body.items.map(
        (item: { type: string }) => item.type,
      );
      expect(types).toEqual(expect.arrayContaining(['TwoFactorDisabled']));
    });

    it('keeps the secret and the recovery-code hashes out of the audit export', async () => {
      const user = await userWithTwoFactor();
      const { eventStore, dataKeys } = service.projector.storage;
      const codec = new PersonalDataCodec(
        new DataKeyRing(dataKeys, loadSecrets(service.config).masterKey),
      );
      const exported = await Promise.all(
        (await eventStore.readStream(`account-${user.userId}`)).map((event) =>
          toExportedEvent(event, codec),
        ),
      );
      const setup = exported.find((event) => event.type === 'TwoFactorSetupStarted');
      const enabled = exported.find((event) => event.type === 'TwoFactorEnabled');
      expect(setup?.data.secret).toBe('[redacted]');
      expect(enabled?.data.recoveryCodeHashes).toBe('[redacted]');
      const text = JSON.stringify(exported);
      const hashes = storedHashesOf(service.config, 'recovery_code', [
        (user.recoveryCodes[0] ?? '').replace('-', ''),
      ]);
      for (const needle of [user.secret, ...hashes]) expect(text).not.toContain(needle);
    });

    if (readStore === 'sqlite') {
      it('leaves no TOTP secret or recovery-code hash readable once the account is deleted', async () => {
        const user = await userWithTwoFactor();
        const normalized = user.recoveryCodes.map((code) => code.replace('-', ''));
        const needles = [
          user.secret,
          ...user.recoveryCodes,
          ...storedHashesOf(service.config, 'recovery_code', normalized),
        ];
        const deleted = await http.delete('/me', user.token, {
          confirmation: 'delete my account',
          password: user.password,
        });
        expect(deleted.status).toBe(204);
        for (let attempt = 0; attempt < 500; attempt++) {
          if ((await service.projector.storage.dataKeys.get(user.userId)) === null) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(await service.projector.storage.dataKeys.get(user.userId)).toBeNull();
        expect(filesContaining(service.dataDir, needles)).toEqual([]);
        // and the log can no longer decrypt them
        const events = await service.projector.storage.eventStore.readStream(
          `account-${user.userId}`,
        );
        const setup = events.find((event) => event.type === 'TwoFactorSetupStarted');
        expect(JSON.stringify(setup?.data)).not.toContain(user.secret);
      });
    }
  },
);
