import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with the flags this machine needs: no sandbox (root), and no
 * background networking (its connections are refused on the closed network). Playwright gives
 * it a fresh, empty user-data directory.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The built page must exist: `npm run build` writes it (jest alone does not build). */
export function assertSettingsPageBuilt(): void {
  const index = join(__dirname, '..', '..', 'dist', 'settings', 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run npm run build first.`);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations inside `selector` (the whole page if omitted). */
export async function seriousViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page });
  if (selector) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/**
 * Where the walk photographs the page: docs/screenshots (linked from the README) only when
 * UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the git tree clean; otherwise the
 * gitignored .cache/screenshots, to look at after a run.
 */
export const SCREENSHOT_DIR =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'screenshots')
    : join(__dirname, '..', '..', '.cache', 'screenshots');

export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}
