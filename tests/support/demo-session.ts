import { Browser, Locator, Page } from 'playwright-core';
import { currentPage, launchBrowser, loginAsDemoUser, phoneContext, settle } from './browser';
import { RunningServer, startServer } from './server';

export interface DemoSession {
  /** A new phone (its own browser context) logged in as the demo user `openid`, on 首页. */
  loggedIn(openid: string): Promise<Page>;
  /** A new phone not logged in. */
  newPhone(): Promise<Page>;
  baseUrl(): string;
}

/**
 * The real server on a fresh demo database and Chromium, started before the file's tests and stopped after:
 * the setup every browser spec shares.
 */
export function useDemoSession(): DemoSession {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The pages must run under the server's Content-Security-Policy: a refused script, style or image fails the test.
  let violations: string[] = [];
  afterEach(() => {
    const found = violations;
    violations = [];
    expect(found).toEqual([]);
  });

  const newPhone = async () => {
    const page = await (await phoneContext(browser)).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return page;
  };
  return {
    newPhone,
    baseUrl: () => server.baseUrl,
    async loggedIn(openid) {
      const page = await newPhone();
      await loginAsDemoUser(page, server.baseUrl, openid);
      return page;
    },
  };
}

/** Taro's H5 modal (Taro.showModal): checks its title, then taps its confirm button. */
export async function confirmModal(page: Page, title: string): Promise<void> {
  const modal = page
    .locator('.taro-modal__content')
    .filter({ has: page.locator('.taro-modal__title', { hasText: title }) });
  await modal.waitFor({ state: 'visible', timeout: 30000 });
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden', timeout: 30000 });
}

/** A NutUI button whose whole label is `text`. */
export function button(scope: Locator | Page, text: string): Locator {
  return scope.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) });
}

/** Taps a 首页 tile and returns the page it opens. */
export async function openTile(page: Page, title: string): Promise<Locator> {
  await page.locator('.home-tile').filter({ hasText: title }).click();
  await settle(page);
  return currentPage(page);
}

export async function expectText(scope: Locator, text: string): Promise<void> {
  await scope.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 30000 });
}

/** Taps a tab of the tab bar (首页, 扫码, 心愿, 我的). */
export async function openTab(page: Page, text: string): Promise<void> {
  await page.locator('.weui-tabbar__item').filter({ hasText: text }).click();
  await settle(page);
}
