import { execFileSync } from 'node:child_process';
import { Browser, Locator, Page } from 'playwright-core';
import { ApiClient, createApiClient, fetchTransport } from '@redvest/api-client';
import { currentPage, launchBrowser, loginAsDemoUser, phoneContext, settle } from './browser';
import { RunningServer, startServer } from './server';

/** The two ways the app draws: normal, and 长辈模式 (larger type and tap targets, darker text). */
export type Mode = 'normal' | 'elderly';
export const MODES: readonly Mode[] = ['normal', 'elderly'];

/** The smallest tap target in each mode. */
export const TAP_MIN: Record<Mode, number> = { normal: 44, elderly: 56 };

export interface DemoSession {
  /** A new phone (its own browser context) logged in as the demo user `openid`, on 首页, in the mode given. */
  loggedIn(openid: string, mode?: Mode): Promise<Page>;
  /** A new phone not logged in. */
  newPhone(): Promise<Page>;
  baseUrl(): string;
  /** The API as the demo user `openid` (through the demo login), to read what a page should show. */
  apiAs(openid: string): Promise<ApiClient>;
  /** A token of the demo user `openid`, for a download the client does not make (a PDF). */
  tokenFor(openid: string): Promise<string>;
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

  const tokenFor = async (openid: string) =>
    (await createApiClient(fetchTransport(server.baseUrl)).auth.devLogin({ openid })).token;

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
    async apiAs(openid) {
      const token = await tokenFor(openid);
      return createApiClient(fetchTransport(server.baseUrl), { getToken: () => token });
    },
    tokenFor,
    async loggedIn(openid, mode) {
      if (mode) {
        const token = await tokenFor(openid);
        const api = createApiClient(fetchTransport(server.baseUrl), { getToken: () => token });
        await api.me.updateSettings({ elderlyMode: mode === 'elderly' });
      }
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

/** The demo's activity running now: which one depends on the hour (China time) the demo started. */
export async function runningDemoActivity(session: DemoSession): Promise<{ title: string; place: string }> {
  const secretary = await session.apiAs('demo-secretary');
  const cid = (await secretary.me.get()).memberships[0].communityId;
  const { title, place } = (await secretary.activities.list(cid, { when: 'running' })).items[0];
  return { title, place };
}

/** The text of the volunteer's certificate PDF as poppler's pdftotext reads it. */
export async function certificateText(
  session: DemoSession,
  pdfUrl: string,
  openid = 'demo-volunteer',
): Promise<string> {
  const pdf = await fetch(`${session.baseUrl()}${pdfUrl}`, {
    headers: { authorization: `Bearer ${await session.tokenFor(openid)}` },
  });
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: Buffer.from(await pdf.arrayBuffer()),
  }).toString('utf8');
}

/** A certificate period that holds all of the demo's service: from 1 January last year to today (China time). */
export function wholeDemoPeriod(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today };
}
