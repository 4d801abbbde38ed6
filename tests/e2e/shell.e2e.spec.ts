import { Response as PageAnswer } from 'playwright-core';
import { CURRENT_PAGE, currentPage, loginAsDemoUser, screenshot, settle } from '../support/browser';
import {
  button,
  certificateText,
  openTab,
  openTile,
  useDemoSession,
  wholeDemoPeriod,
} from '../support/demo-session';

const BRAND_RED = 'rgb(200, 22, 29)';

/**
 * What every H5 page shares: a title bar with a back button on sub-pages, zoom allowed, dialogs in the app's
 * red, no request that fails (favicon.ico), a failed answer said in words with 重试, and the page the link on
 * a certificate opens.
 */
describe('the H5 shell: title bar, zoom, dialogs, errors, the certificate check', () => {
  const session = useDemoSession();

  it('shows a title bar on every page, and on a sub-page a back button of at least 44px that goes back', async () => {
    const volunteer = await session.loggedIn('demo-volunteer');
    const bar = volunteer.locator('#taro-navigation-bar');
    await expect(bar.isVisible()).resolves.toBe(true);
    await expect(bar.locator('.taro-navigation-bar-back').isVisible()).resolves.toBe(false);

    await openTile(volunteer, '志愿活动');
    await volunteer.waitForURL(/pages-activities\/index/);
    // The page's own title, once the page has loaded.
    await bar
      .locator('.taro-navigation-bar-title')
      .filter({ hasText: /^志愿活动$/ })
      .waitFor({ state: 'visible', timeout: 30000 });
    const back = bar.locator('.taro-navigation-bar-back');
    await back.waitFor({ state: 'visible', timeout: 30000 });
    const size = (await back.boundingBox())!;
    expect(size.width).toBeGreaterThanOrEqual(44);
    expect(size.height).toBeGreaterThanOrEqual(44);
    // The bar does not cover the page's top.
    const page = (await currentPage(volunteer).locator('.rv-page').first().boundingBox())!;
    expect(page.y).toBeGreaterThanOrEqual((await bar.boundingBox())!.height - 0.5);
    await screenshot(volunteer, 'title-bar.png');

    await back.click();
    await volunteer.waitForURL(/pages\/home\/index/);
    await settle(volunteer);
    await currentPage(volunteer)
      .getByText('常用服务', { exact: true })
      .waitFor({ state: 'visible', timeout: 30000 });
  });

  it('lets a reader pinch to zoom', async () => {
    const phone = await session.newPhone();
    await phone.goto(`${session.baseUrl()}/`);
    const viewport = (await phone.locator('meta[name="viewport"]').getAttribute('content')) ?? '';
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/);
    expect(viewport).not.toMatch(/maximum-scale\s*=\s*1(\.0)?\b/);
    await phone.context().close();
  });

  it('asks for nothing that fails while a user logs in and opens pages: no favicon.ico, no 404', async () => {
    const phone = await session.newPhone();
    const failed: string[] = [];
    const asked: string[] = [];
    phone.on('response', (answer: PageAnswer) => {
      asked.push(new URL(answer.url()).pathname);
      if (answer.status() >= 400) failed.push(`${answer.status()} ${answer.url()}`);
    });
    await loginAsDemoUser(phone, session.baseUrl(), 'demo-volunteer');
    await openTab(phone, '我的');
    await openTab(phone, '心愿');
    expect(failed).toEqual([]);
    expect(asked).not.toContain('/favicon.ico');
    await phone.context().close();
  });

  it('draws the confirm button of a dialog in the app’s red', async () => {
    const volunteer = await session.loggedIn('demo-volunteer');
    await openTab(volunteer, '扫码');
    const scan = currentPage(volunteer);
    await scan.locator('input[placeholder="在此粘贴签到码"]').fill('B'.repeat(28));
    await button(scan, '签到').click();
    const confirm = volunteer.locator('.taro-modal__content .taro-model__confirm');
    await confirm.waitFor({ state: 'visible', timeout: 30000 });
    await expect(confirm.evaluate((element) => getComputedStyle(element).color)).resolves.toBe(BRAND_RED);
    await screenshot(volunteer, 'dialog-red.png');
    await confirm.click();
  });

  it('says in words when the server fails (a gateway’s 502 page) and loads again on 重试', async () => {
    const volunteer = await session.loggedIn('demo-volunteer');
    await volunteer.route('**/api/me/points', (route) =>
      route.fulfill({
        status: 502,
        contentType: 'text/html',
        body: '<html><body>502 Bad Gateway</body></html>',
      }),
    );
    await volunteer.locator('.home-tile').filter({ hasText: '我的积分' }).click();
    await volunteer.waitForURL(/pages-points\/index/);
    const failed = currentPage(volunteer).locator('.rv-state--error');
    await failed.waitFor({ state: 'visible', timeout: 30000 });
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('服务器暂时连不上，请稍后再试（502）');
    expect(text).not.toContain('无法识别');
    await screenshot(volunteer, 'server-error.png');

    await volunteer.unroute('**/api/me/points');
    await button(failed, '重试').click();
    await currentPage(volunteer)
      .locator('.points-card')
      .first()
      .waitFor({ state: 'visible', timeout: 30000 });
  });

  it('opens the 查验 link printed on a certificate as a page anyone can read, not as JSON', async () => {
    const api = await session.apiAs('demo-volunteer');
    const cid = (await api.me.get()).memberships[0].communityId;
    const period = wholeDemoPeriod();
    const certificate = await api.records.issueCertificate({ communityId: cid, ...period });
    const text = await certificateText(session, certificate.pdfUrl);
    const link = /查验网址：(\S+?code=[A-Z2-9]{12})/.exec(text.replace(/\s+/g, ''))?.[1] ?? '';
    expect(link).toBe(`${session.baseUrl()}/#/pages-activities/verify?code=${certificate.code}`);

    const stranger = await session.newPhone();
    await stranger.goto(link);
    const page = stranger.locator(CURRENT_PAGE).last();
    await page.locator('.verify-card').waitFor({ state: 'visible', timeout: 30000 });
    await settle(stranger);
    const shown = (await page.locator('.verify-card').textContent()) ?? '';
    expect(shown).toContain('真实有效');
    expect(shown).toContain(certificate.code);
    expect(shown).toContain('赵*远');
    expect(shown).toContain(`${Number(period.from.slice(0, 4))}年1月1日至`);
    expect(shown).not.toContain('{');
    await screenshot(stranger, 'certificate-check.png');

    await stranger.goto(`${session.baseUrl()}/#/pages-activities/verify?code=ZZZZZZZZZZZZ`);
    await stranger.getByText('查无此证明', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await stranger.context().close();
  });
});
