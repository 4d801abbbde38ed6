import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import type { AuthOptions } from '@redvest/contract';
import { REPO_ROOT, RunningServer, startServer } from '../support/server';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The page Taro's H5 router shows now (others stay in the DOM, hidden or on their way out). */
const CURRENT_PAGE = '.taro_page_stationed:not(.taro_page_shade)';

async function settle(page: Page) {
  await page.locator(CURRENT_PAGE).last().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
}

describe('the H5 app against the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({
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
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs a secretary in through the demo picker and shows their community and role on 我的', async () => {
    const options = (await (await fetch(`${server.baseUrl}/api/auth/options`)).json()) as AuthOptions;
    const secretary = options.demoUsers.find((user) => user.openid === 'demo-secretary');
    expect(secretary).toBeDefined();

    // Without a token the app opens the login page, which lists the demo users.
    await page.goto(`${server.baseUrl}/`);
    const demoUser = page.locator('.login-demo__user').filter({ hasText: secretary!.description });
    await demoUser.waitFor({ state: 'visible', timeout: 30000 });
    await settle(page);
    await demoUser.click();

    // A first login shows the privacy notice before anything else.
    const agree = page.locator('.nut-button').filter({ hasText: '同意并继续' });
    const home = page.getByText('常用服务', { exact: true });
    await agree.or(home).first().waitFor({ state: 'visible', timeout: 30000 });
    if (await agree.isVisible()) {
      await settle(page);
      await agree.click();
    }
    await home.waitFor({ state: 'visible', timeout: 30000 });

    await page
      .locator('.weui-tabbar__item')
      .filter({ hasText: /^我的$/ })
      .click();
    await page.waitForURL(/pages\/mine\/index/);
    const mine = page.locator(CURRENT_PAGE).filter({ hasText: '我的社区' });
    await mine.getByText('襄阳街社区', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await expect(mine.getByText('社区书记', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(mine.getByText('已认证', { exact: true }).isVisible()).resolves.toBe(true);
    await settle(page);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'mine.png') });
  });
});
