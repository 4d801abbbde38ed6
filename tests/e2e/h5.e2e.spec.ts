import { Page, Response as PageAnswer } from 'playwright-core';
import { CURRENT_PAGE, loginAsDemoUser, screenshot, settle } from '../support/browser';
import { button, confirmModal, useDemoSession } from '../support/demo-session';

describe('the H5 app against the real server', () => {
  const session = useDemoSession();
  let page: Page;

  beforeAll(async () => {
    page = await session.newPhone();
  });

  it('logs a secretary in through the demo picker and shows their community and role on 我的', async () => {
    await loginAsDemoUser(page, session.baseUrl(), 'demo-secretary');

    await page
      .locator('.weui-tabbar__item')
      .filter({ hasText: /^我的$/ })
      .click();
    await page.waitForURL(/pages\/mine\/index/);
    const mine = page.locator(CURRENT_PAGE).filter({ hasText: '我的社区' });
    // 首页 names the community too, and may still be on screen while 我的 loads: wait for what only 我的 shows.
    await mine.getByText('社区书记', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await expect(mine.getByText('襄阳街社区', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(mine.getByText('已认证', { exact: true }).isVisible()).resolves.toBe(true);
    await settle(page);

    await screenshot(page, 'mine.png');
  });

  it('退出所有设备 on 我的 ends the secretary’s login on every phone', async () => {
    const tablet = await session.loggedIn('demo-secretary');

    await button(page.locator(CURRENT_PAGE), '退出所有设备').click();
    await confirmModal(page, '退出所有设备');
    await page.locator('.login-demo__user').first().waitFor({ state: 'visible', timeout: 30000 });

    // The other phone's token is refused too: on its next page it is back at the login page.
    await tablet.reload();
    await tablet.locator('.login-demo__user').first().waitFor({ state: 'visible', timeout: 30000 });
    await expect(tablet.evaluate(() => localStorage.getItem('token'))).resolves.toBeFalsy();
  });

  it('sends a first visit its page and scripts brotli-compressed, the hashed scripts to be kept for a year', async () => {
    const phone = await session.newPhone();
    const answers: PageAnswer[] = [];
    phone.on('response', (answer) => {
      if (/\.(js|css)$|\/$/.test(new URL(answer.url()).pathname)) answers.push(answer);
    });
    await phone.goto(`${session.baseUrl()}/`);
    await phone.locator('.login-demo__user').first().waitFor({ state: 'visible', timeout: 30000 });

    const page = answers.find((answer) => new URL(answer.url()).pathname === '/')!;
    expect(page.headers()['content-encoding']).toBe('br');
    expect(page.headers()['cache-control']).toBe('no-cache');
    const assets = answers.filter((answer) => answer !== page);
    const scripts = assets.filter((answer) => answer.url().endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) {
      expect({ url: script.url(), encoding: script.headers()['content-encoding'] }).toEqual({
        url: script.url(),
        encoding: 'br',
      });
    }
    for (const asset of assets) {
      expect({ url: asset.url(), cache: asset.headers()['cache-control'] }).toEqual({
        url: asset.url(),
        cache: 'public, max-age=31536000, immutable',
      });
    }
    await phone.context().close();
  });

  it('answers HEAD on the H5 page and the health check as a load balancer probes them: 200, no body', async () => {
    for (const path of ['/', '/index.html', '/healthz']) {
      const answer = await fetch(`${session.baseUrl()}${path}`, { method: 'HEAD' });
      expect({ path, status: answer.status, body: await answer.text() }).toEqual({
        path,
        status: 200,
        body: '',
      });
    }
  });
});
