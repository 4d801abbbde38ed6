import { Browser, Locator, Page } from 'playwright-core';
import {
  currentPage,
  launchBrowser,
  loginAsDemoUser,
  phoneContext,
  screenshot,
  settle,
} from '../support/browser';
import { RunningServer, startServer } from '../support/server';

/**
 * 包干到户 end to end: demo-member-2 of 阳光里1栋党员小组 opens 我的包户, sees 101 overdue, records a visit
 * there with a flag on its card, and back on 我的包户 101 is no longer overdue and carries the flag.
 */
describe('household contact: 我的包户 and 入户走访', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await phoneContext(browser)).newPage();
    await loginAsDemoUser(page, server.baseUrl, 'demo-member-2');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function button(scope: Locator | Page, text: string): Locator {
    return scope.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) });
  }

  function row(room: string): Locator {
    return currentPage(page)
      .locator('.contact-row')
      .filter({ has: page.locator('.contact-row__room', { hasText: new RegExp(`^${room}$`) }) });
  }

  it('records a visit to an overdue household, which is then no longer overdue', async () => {
    await page.locator('.home-tile').filter({ hasText: '我的包户' }).click();
    await settle(page);
    await row('101').waitFor({ state: 'visible', timeout: 30000 });
    await expectText(row('101'), '逾期');
    await expectText(row('101'), '从未走访');
    await expectText(row('601'), '上次走访');

    await row('101').click();
    await settle(page);
    const card = currentPage(page);
    await card.getByText('1栋 1单元 101', { exact: false }).first().waitFor({ state: 'visible' });
    await card.locator('.visit-choice').filter({ hasText: '独居老人' }).click();
    await card.locator('.visit-choice').filter({ hasText: '自住' }).click();
    await button(card, '登记走访').click();
    await card.locator('.visit-item').first().waitFor({ state: 'visible', timeout: 30000 });
    await card.getByText('已按时走访').waitFor({ state: 'visible' });

    await page.goBack();
    await settle(page);
    const visited = row('101');
    await visited.getByText('独居老人').waitFor({ state: 'visible', timeout: 30000 });
    expect(await visited.getByText('逾期').count()).toBe(0);
    await expectText(visited, '上次走访');
    await screenshot(page, 'contact.png');
  });

  async function expectText(scope: Locator, text: string): Promise<void> {
    await scope.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 30000 });
  }
});
