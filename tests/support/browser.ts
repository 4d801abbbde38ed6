import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import type { AuthOptions } from '@redvest/contract';
import { REPO_ROOT } from './server';

export const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The page Taro's H5 router shows now (others stay in the DOM, hidden or on their way out). */
export const CURRENT_PAGE = '.taro_page_stationed:not(.taro_page_shade)';

/** Debian's Chromium, headless, with nothing that reaches the network on its own, and a fake microphone. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A microphone for 语音说明: Chromium's fake device (a beeping tone), allowed without asking.
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}

/** A phone-sized context (390×844, touch, Chinese): every user gets one of their own (own storage, own token). */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

/** Waits until the current page has slid in and its requests are answered. */
export async function settle(page: Page): Promise<void> {
  await page.locator(CURRENT_PAGE).last().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
}

/** The page Taro shows now, as a locator to search within. */
export function currentPage(page: Page) {
  return page.locator(CURRENT_PAGE).last();
}

/**
 * Logs in through the login page's demo picker as `openid` (its entry is found by the description the server
 * gives it), agrees to the privacy notice if asked, and waits for 首页.
 */
export async function loginAsDemoUser(page: Page, baseUrl: string, openid: string): Promise<void> {
  const options = (await (await fetch(`${baseUrl}/api/auth/options`)).json()) as AuthOptions;
  const user = options.demoUsers.find((candidate) => candidate.openid === openid);
  if (!user) throw new Error(`the server offers no demo user ${openid}`);

  // Without a token the app opens the login page, which lists the demo users.
  await page.goto(`${baseUrl}/`);
  const entry = page.locator('.login-demo__user').filter({ hasText: user.description });
  await entry.waitFor({ state: 'visible', timeout: 30000 });
  await settle(page);
  await entry.click();

  // A first login shows the privacy notice before anything else.
  const agree = page.locator('.nut-button').filter({ hasText: '同意并继续' });
  // 首页: its tiles, or 长辈首页's large buttons alone (a resident in 长辈模式).
  const home = page.getByText('常用服务', { exact: true }).or(page.locator('.elderly-home')).first();
  await agree.or(home).first().waitFor({ state: 'visible', timeout: 30000 });
  if (await agree.isVisible()) {
    await settle(page);
    await agree.click();
  }
  await home.waitFor({ state: 'visible', timeout: 30000 });
  await settle(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
}
