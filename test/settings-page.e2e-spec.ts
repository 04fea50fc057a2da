import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  assertSettingsPageBuilt,
  launchChromium,
  screenshot,
  seriousViolations,
} from './support/browser';
import { httpClient, newUser, type HttpClient } from './support/http-client';
import { startTestService, type ReadStoreKind, type TestService } from './support/test-service';
import { readStoreUnderTest } from './support/read-store-under-test';

const run = promisify(execFile);
const SECTIONS = ['profile', 'password', 'appearance', 'security', 'api-keys', 'danger-zone'];

/** Runs in the page: whether this element has the keyboard focus. */
const isFocused = (element: any): boolean => element === element.ownerDocument.activeElement;

async function waitUntilFocused(page: Page, locator: Locator): Promise<void> {
  await page.waitForFunction(isFocused, await locator.elementHandle());
}

/** What an integration sees with this key: the status code of GET /integrations/whoami. */
async function curlWhoami(baseUrl: string, key: string): Promise<number> {
  const { stdout } = await run('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '-H',
    `X-API-Key: ${key}`,
    `${baseUrl}/integrations/whoami`,
  ]);
  return Number(stdout);
}

/**
 * The seed's whole story, as a person walks it in Chromium, against the real service: sign
 * up, rename (saved automatically), meet a stale tab, change the password with the live
 * checklist, create a key and read it once, use it, delete it, delete the account. Screenshots
 * of every section in light and dark come from the SQLite run.
 */
// One read store per jest project (jest.config.js runs every e2e file on both).
describe.each<ReadStoreKind>([readStoreUnderTest()])(
  'the account-settings page in Chromium (%s read store)',
  (readStore) => {
    let service: TestService;
    let http: HttpClient;
    let browser: Browser;
    let context: BrowserContext;

    beforeAll(async () => {
      assertSettingsPageBuilt();
      service = await startTestService({ readStore });
      http = httpClient(service.baseUrl);
      browser = await launchChromium();
      context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: service.baseUrl,
      });
    });
    afterAll(async () => {
      await browser?.close();
      await service?.close();
    });

    const signIn = async (page: Page, email: string, password: string) => {
      await page.goto(`${service.baseUrl}/settings`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Account settings' }).waitFor();
    };
    const ruleMet = (page: Page, section: string, rule: string) =>
      page.locator(`#${section} li[data-rule="${rule}"]`).getAttribute('class');
    const expectNoSeriousViolations = async (page: Page, selector?: string) =>
      expect({ selector, violations: await seriousViolations(page, selector) }).toEqual({
        selector,
        violations: [],
      });

    it('walks the seed from sign-up to account deletion', async () => {
      const person = newUser({ email: 'ada.lovelace@example.com' });
      const page = await context.newPage();
      // Script errors and Content-Security-Policy refusals; answers with 4xx are expected.
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(message.text());
        }
      });

      // given the page, served by the api itself
      const served = await fetch(`${service.baseUrl}/settings`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toContain('text/html');
      await page.goto(`${service.baseUrl}/settings`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expectNoSeriousViolations(page);
      if (readStore === 'sqlite') await screenshot(page, 'sign-in-light');

      // when a person signs up, the checklist ticks as they type
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Create an account' }).waitFor();
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('First name').fill(person.firstName);
      await page.getByLabel('Last name').fill(person.lastName);
      await page.getByLabel('Password', { exact: true }).pressSequentially('abc');
      await page.locator('li[data-rule="lowercase"].met').waitFor();
      expect(await page.locator('li[data-rule="uppercase"]').getAttribute('class')).toBe('unmet');
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.locator('li[data-rule="special"].met').waitFor();
      await expectNoSeriousViolations(page);
      if (readStore === 'sqlite') await screenshot(page, 'sign-up-light');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Account settings' }).waitFor();

      // then the profile shows the email read-only, with its note
      const email = page.getByLabel('Email address');
      expect(await email.inputValue()).toBe(person.email);
      expect(await email.getAttribute('readonly')).not.toBeNull();
      await page.getByText('Email address cannot be modified').waitFor();

      // when they empty a name, the error shows next to the field and nothing is saved
      await page.getByLabel('First name').fill('  ');
      await page.getByText('First name cannot be empty.').waitFor();
      expect(await page.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');

      // when they rename themselves, the change is saved without a button
      await page.getByLabel('First name').fill('Augusta');
      await page.getByText('All changes saved').waitFor();
      const login = await http.post('/auth/login', {
        email: person.email,
        password: person.password,
      });
      expect((await http.get('/me', login.body.accessToken)).body.firstName).toBe('Augusta');

      // and a second tab, opened before another change, is told its profile went stale
      const secondTab = await context.newPage();
      await signIn(secondTab, person.email, person.password);
      expect(await secondTab.getByLabel('First name').inputValue()).toBe('Augusta');
      await page.getByLabel('Last name').fill('King');
      await page.getByText('All changes saved').waitFor();
      await secondTab.getByLabel('First name').fill('Ada');
      await secondTab.getByText('Your profile was changed in another tab').waitFor();
      expect(await secondTab.getByLabel('Last name').inputValue()).toBe('King');
      expect(await secondTab.getByLabel('First name').inputValue()).toBe('Augusta');
      await secondTab.close();

      // when they change their password, each rule ticks as they type, then the match
      const newPassword = 'N3w!Passw0rd-for-Ada';
      const password = page.locator('#password');
      await password.getByLabel('Current password').fill(person.password);
      await password.getByLabel('New password').pressSequentially('short');
      await page.locator('#password li[data-rule="lowercase"].met').waitFor();
      expect(await ruleMet(page, 'password', 'min_length')).toBe('unmet');
      expect(await ruleMet(page, 'password', 'number')).toBe('unmet');
      await password.getByLabel('New password').fill(newPassword);
      await page.locator('#password li[data-rule="special"].met').waitFor();
      for (const rule of ['min_length', 'uppercase', 'lowercase', 'number', 'special']) {
        expect(await ruleMet(page, 'password', rule)).toBe('met');
      }
      expect(await ruleMet(page, 'password', 'match')).toBe('unmet');
      const change = page.getByRole('button', { name: 'Change password' });
      expect(await change.isDisabled()).toBe(true);
      await password.getByLabel('Confirm password').fill(newPassword);
      await page.locator('#password li[data-rule="match"].met').waitFor();
      await password.getByLabel('Current password').fill('not-my-password');
      await change.click();
      await password.getByText('The current password is not correct.').waitFor();
      expect(await password.getByLabel('Current password').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await password.getByLabel('Current password').fill(person.password);
      await change.click();
      await page.getByText('Your password has been changed').waitFor();
      expect(
        (await http.post('/auth/login', { email: person.email, password: newPassword })).status,
      ).toBe(200);

      // when they create a key, with the keyboard only, it is shown once with a copy button
      await page.getByLabel('Organization name').fill('Acme');
      await page.getByRole('button', { name: 'Create organization' }).click();
      const create = page.getByRole('button', { name: 'Create API key' });
      await create.focus();
      await page.keyboard.press('Enter');
      const description = page.getByRole('dialog').getByLabel('Description');
      await description.waitFor();
      expect(await description.evaluate(isFocused)).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await create.evaluate(isFocused)).toBe(true);
      await page.keyboard.press('Enter');
      await waitUntilFocused(page, description);
      await page.keyboard.type('Production API Key');
      await page.keyboard.press('Enter');
      const shown = page.getByLabel('API key for “Production API Key”');
      await shown.waitFor();
      await page.getByText('This key is shown only once').waitFor();
      const key = await shown.inputValue();
      expect(key).toMatch(/^ak_[0-9A-Za-z]{65}$/);
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await page.getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(
        key,
      );
      await expectNoSeriousViolations(page, 'dialog');
      if (readStore === 'sqlite') await screenshot(page, 'api-key-created-light');
      await page.getByRole('button', { name: 'I have stored the key' }).click();

      // then the table shows it masked, and the key itself is nowhere on the page any more
      const row = page.locator('#api-keys tbody tr');
      await row.waitFor();
      const masked = (await row.locator('code').textContent()) ?? '';
      expect(masked.startsWith('ak_')).toBe(true);
      expect(masked.endsWith(key.slice(-4))).toBe(true);
      expect(await row.textContent()).toContain('Production API Key');
      expect(await row.textContent()).toContain('active');
      expect(await page.content()).not.toContain(key);

      // and an integration can use it
      expect(await curlWhoami(service.baseUrl, key)).toBe(200);

      // every section passes axe and is photographed, in light and in dark
      for (const theme of ['light', 'dark']) {
        await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
        await page.waitForFunction(
          (wanted) => (globalThis as any).document.documentElement.dataset.theme === wanted,
          theme,
        );
        await page.getByText(/Saved (to your account|on this device only)/).waitFor();
        for (const section of SECTIONS) {
          await expectNoSeriousViolations(page, `#${section}`);
          if (readStore === 'sqlite')
            await screenshot(page.locator(`#${section}`), `${section}-${theme}`);
        }
      }

      // and at phone width nothing needs sideways scrolling
      await page.setViewportSize({ width: 390, height: 844 });
      expect(
        await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      await expectNoSeriousViolations(page);
      if (readStore === 'sqlite') await screenshot(page, 'phone-dark');
      await page.getByRole('radio', { name: 'Light' }).check();
      await page.setViewportSize({ width: 1100, height: 900 });

      // when they delete the key, after a confirmation, the integration is refused
      await page.getByRole('button', { name: 'Delete Production API Key' }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByText('immediately revokes access').waitFor();
      expect(await confirm.getByRole('button', { name: 'Cancel' }).evaluate(isFocused)).toBe(true);
      await confirm.getByRole('button', { name: 'Delete key' }).click();
      await page.getByText('No API keys yet in this organization.').waitFor();
      expect(await curlWhoami(service.baseUrl, key)).toBe(401);

      // when they delete their account: consequences, phrase, password, final confirmation
      await page.getByRole('button', { name: 'Delete account' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('You leave Acme (you are owner).').waitFor();
      const submit = dialog.getByRole('button', { name: 'Delete account' });
      await dialog.getByLabel('Type “delete my account” to confirm').fill('delete my acount');
      await dialog.getByLabel('Password').fill(newPassword);
      expect(await submit.isDisabled()).toBe(true);
      await dialog.getByLabel('Type “delete my account” to confirm').fill('delete my account');
      await expectNoSeriousViolations(page, 'dialog');
      if (readStore === 'sqlite') await screenshot(page, 'delete-account-light');
      await submit.click();
      await dialog.getByRole('button', { name: 'Yes, delete my account permanently' }).click();

      // then they are back at sign-in, and the account is gone
      await page.getByText('Your account has been deleted.').waitFor();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(
        (await http.post('/auth/login', { email: person.email, password: newPassword })).status,
      ).toBe(401);
      expect(pageErrors).toEqual([]);
      await page.close();
    }, 120_000);

    it('walks appearance, two-factor, sessions on two devices and a key roll', async () => {
      const person = newUser({ email: 'grace.hopper@example.com' });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const tokenOf = (tab: Page) =>
        tab.evaluate(() => (globalThis as any).sessionStorage.getItem('settings.accessToken'));
      const background = () =>
        page.evaluate(() => {
          const { document, getComputedStyle } = globalThis as any;
          return getComputedStyle(document.body).backgroundColor as string;
        });
      const chooseTheme = async (theme: 'Light' | 'Dark') => {
        await page.getByRole('radio', { name: theme }).check();
        await page.waitForFunction(
          (wanted) => (globalThis as any).document.documentElement.dataset.theme === wanted,
          theme.toLowerCase(),
        );
      };

      // given a person who signed up through the page (their only session)
      await page.goto(`${service.baseUrl}/settings#/sign-up`);
      // A new person's device: the theme the walk above left in this browser's storage would
      // pre-check a radio, and checking it again would choose nothing.
      await page.evaluate(() => (globalThis as any).localStorage.removeItem('settings.theme'));
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('First name').fill(person.firstName);
      await page.getByLabel('Last name').fill(person.lastName);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Account settings' }).waitFor();

      // when they choose Dark, the page turns dark at once and the account stores it
      await chooseTheme('Light');
      await page.getByText('Saved to your account.').waitFor();
      const lightBackground = await background();
      await page.getByRole('radio', { name: 'Dark' }).focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'dark',
      );
      expect(await background()).not.toBe(lightBackground);
      await page.getByText('Saved to your account.').waitFor();
      const token = await tokenOf(page);
      expect((await http.get('/me/preferences', token)).body.theme).toBe('dark');

      // then after a reload, with this device's memory of the theme gone, it is still dark
      await page.evaluate(() => (globalThis as any).localStorage.removeItem('settings.theme'));
      await page.reload();
      await page.getByRole('heading', { name: 'Account settings' }).waitFor();
      await page.waitForFunction(
        () => (globalThis as any).document.documentElement.dataset.theme === 'dark',
      );
      expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

      // when they set up two-factor with their password, the QR code and the secret show
      const security = page.locator('#security');
      await security.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      const setup = page.getByRole('dialog');
      await waitUntilFocused(page, setup.getByLabel('Password'));
      await setup.getByLabel('Password').fill('not-my-password');
      await setup.getByRole('button', { name: 'Continue' }).click();
      await setup.getByText('The password is not correct.').waitFor();
      await setup.getByLabel('Password').fill('');
      await page.keyboard.type(person.password);
      await page.keyboard.press('Enter');
      await setup.locator('img.qr[src^="data:image/png"]').waitFor();
      const secret = ((await setup.locator('code.secret').textContent()) ?? '').trim();
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });

      // and the current code from that secret turns it on, showing ten recovery codes once
      await waitUntilFocused(page, setup.getByLabel('Code from the app'));
      await page.keyboard.type(totp.generate());
      await page.keyboard.press('Enter');
      const codesDialog = page.getByRole('dialog', { name: 'Save your recovery codes' });
      await codesDialog.getByText('These codes are shown only once').waitFor();
      const recoveryCodes = (await codesDialog.locator('ul.codes code').allTextContents()).map(
        (code) => code.trim(),
      );
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      await expectNoSeriousViolations(page, 'dialog');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        codesDialog.getByRole('link', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('recovery-codes.txt');
      expect((await readFile(await download.path(), 'utf8')).trim().split('\n')).toEqual(
        recoveryCodes,
      );
      await codesDialog.getByRole('button', { name: 'I have saved them' }).click();
      await security.getByText('On', { exact: true }).waitFor();
      await waitUntilFocused(page, security.getByRole('button', { name: 'Turn off' }));

      // then after a reload the codes are gone from the page and two-factor shows as on
      await page.reload();
      await security.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
      await security.getByText('On', { exact: true }).waitFor();
      expect(await page.content()).not.toContain(recoveryCodes[0]);
      expect((await http.get('/me', token)).body.twoFactorEnabled).toBe(true);

      // when they sign out and in again, the two-factor step asks for a code
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
      expect(await page.getByText('You are signed out.').count()).toBe(0);
      const codeField = page.getByLabel('Authentication code');
      await expectNoSeriousViolations(page);
      if (readStore === 'sqlite') {
        // the page is dark (the account's theme); the light photo only flips the attribute
        await screenshot(page, 'sign-in-two-factor-dark');
        await page.evaluate(() => {
          (globalThis as any).document.documentElement.dataset.theme = 'light';
        });
        await screenshot(page, 'sign-in-two-factor-light');
        await page.evaluate(() => {
          (globalThis as any).document.documentElement.dataset.theme = 'dark';
        });
      }

      // and a wrong code is refused next to the field
      const near = [-30_000, 0, 30_000].map((shift) =>
        totp.generate({ timestamp: Date.now() + shift }),
      );
      const wrong = ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code));
      await codeField.fill(wrong ?? '');
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText('That code is not valid. Try the current one.').waitFor();
      expect(await codeField.getAttribute('aria-invalid')).toBe('true');

      // and the next step's code (the current one was spent on the set-up) signs them in
      await codeField.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('heading', { name: 'Account settings' }).waitFor();

      // when they sign in on another device, with a recovery code
      const otherDevice = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const other = await otherDevice.newPage();
      await other.goto(`${service.baseUrl}/settings`);
      await other.getByLabel('Email').fill(person.email);
      await other.getByLabel('Password', { exact: true }).fill(person.password);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.getByLabel('Authentication code').fill(recoveryCodes[3] ?? '');
      await other.getByRole('button', { name: 'Verify' }).click();
      await other.getByRole('heading', { name: 'Account settings' }).waitFor();
      const otherToken = await tokenOf(other);

      // then the first device lists two sessions, itself marked
      await page.reload();
      const sessions = security.locator('.subsection', {
        has: page.getByRole('heading', { name: 'Sessions' }),
      });
      await sessions.locator('ul.list > li').nth(1).waitFor();
      expect(await sessions.locator('ul.list > li').count()).toBe(2);
      expect(await sessions.getByText('This device').count()).toBe(1);
      expect(await sessions.getByText('Chrome on Linux').count()).toBe(2);
      await sessions.getByRole('button', { name: /^End the session on Chrome on Linux/ }).waitFor();
      for (const theme of ['Light', 'Dark'] as const) {
        await chooseTheme(theme);
        await expectNoSeriousViolations(page, '#security');
        if (readStore === 'sqlite') {
          await screenshot(security, `security-two-factor-on-${theme.toLowerCase()}`);
          await screenshot(sessions, `sessions-${theme.toLowerCase()}`);
        }
      }

      // when they end all other sessions, the other device is refused
      await sessions.getByRole('button', { name: 'End all other sessions' }).click();
      await sessions.locator('ul.list > li').nth(1).waitFor({ state: 'detached' });
      expect(await sessions.getByText('This device').count()).toBe(1);
      expect((await http.get('/me', otherToken)).status).toBe(401);
      await other.reload();
      await other.getByRole('heading', { name: 'Sign in' }).waitFor();
      await other.getByText('Your session has ended. Please sign in again.').waitFor();
      await otherDevice.close();

      // when they roll a key with a grace period, the new key is shown once
      await page.getByLabel('Organization name').fill('Navy');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page.getByRole('button', { name: 'Create API key' }).click();
      await page.getByRole('dialog').getByLabel('Description').fill('Compiler');
      await page.keyboard.press('Enter');
      const oldKey = await page.getByLabel('API key for “Compiler”').inputValue();
      await page.getByRole('button', { name: 'I have stored the key' }).click();
      await page.getByRole('button', { name: 'Roll Compiler' }).click();
      const roll = page.getByRole('dialog');
      expect(await roll.getByLabel('Grace period (hours, 0 to 168)').inputValue()).toBe('24');
      await roll.getByRole('button', { name: 'Roll key' }).click();
      const newKey = await page.getByLabel('API key for “Compiler”').inputValue();
      expect(newKey).toMatch(/^ak_[0-9A-Za-z]{65}$/);
      expect(newKey).not.toBe(oldKey);
      await page.getByText('This key is shown only once').waitFor();
      await page.getByRole('button', { name: 'I have stored the key' }).click();

      // then both keys are in the table during the grace period, and both still work
      const rows = page.locator('#api-keys tbody tr');
      await rows.nth(1).waitFor();
      expect(await rows.count()).toBe(2);
      const masked = await rows.locator('code').allTextContents();
      expect(masked.some((text) => text.endsWith(oldKey.slice(-4)))).toBe(true);
      expect(masked.some((text) => text.endsWith(newKey.slice(-4)))).toBe(true);
      // (two rows with one description: each row's buttons name their own masked key)
      for (const text of masked) {
        await page.getByRole('button', { name: `Roll Compiler (${text})`, exact: true }).waitFor();
      }
      for (const key of [oldKey, newKey]) {
        const whoami = await fetch(`${service.baseUrl}/integrations/whoami`, {
          headers: { 'X-API-Key': key },
        });
        expect(whoami.status).toBe(200);
      }
      expect(await page.content()).not.toContain(newKey);
      expect(pageErrors).toEqual([]);
      await page.close();
    }, 120_000);

    it('answers unknown or unsafe asset names with 404 and keeps the page out of the OpenAPI document', async () => {
      for (const path of [
        '/settings/assets/nope.js',
        '/settings/assets/..%2Fpackage.json',
        '/settings/assets/.hidden',
      ]) {
        const missing = await fetch(service.baseUrl + path);
        expect(missing.status).toBe(404);
        expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
      }
      const document = (await http.get('/docs-json')).body as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths).filter((path) => path.startsWith('/settings'))).toEqual(
        [],
      );
      const index = await fetch(`${service.baseUrl}/settings`);
      expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
      const script = /src="(\/settings\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
      const asset = await fetch(service.baseUrl + (script ?? ''));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('text/javascript');
    });
  },
);
