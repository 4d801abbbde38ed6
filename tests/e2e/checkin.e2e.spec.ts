import { currentPage, screenshot, settle } from '../support/browser';
import { runningDemoActivity, useDemoSession } from '../support/demo-session';

/**
 * 扫码签到 end to end on the demo's running activity: the secretary opens its rotating code (活动 → the activity
 * → 出示签到码), and the volunteer, on another phone, pastes that code on 扫码, is checked in, and checks out.
 */
describe('check-in: the organiser’s live code, a volunteer in and out', () => {
  const session = useDemoSession();
  let token = '';
  // 小区环境整治志愿服务 by day, 平安夜巡志愿服务 in the evening and at night.
  let activityTitle = '';
  let activityPlace = '';

  beforeAll(async () => {
    ({ title: activityTitle, place: activityPlace } = await runningDemoActivity(session));
  });

  it('shows the secretary the rotating code of the running activity', async () => {
    const page = await session.loggedIn('demo-secretary');

    await page.locator('.home-tile').filter({ hasText: '志愿活动' }).click();
    await page.waitForURL(/pages-activities\/index/);
    const card = currentPage(page).locator('.activity-card').filter({ hasText: activityTitle });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    await expect(card.textContent()).resolves.toContain('每次 10 积分');
    await settle(page);
    await card.click();

    await page.waitForURL(/pages-activities\/detail/);
    const show = currentPage(page).locator('.nut-button').filter({ hasText: '出示签到码' });
    await show.waitFor({ state: 'visible', timeout: 30000 });
    await settle(page);
    await show.click();

    await page.waitForURL(/pages-admin\/live-code\/index/);
    const live = currentPage(page);
    const tokenText = live.locator('[data-testid=checkin-token]');
    await tokenText.waitFor({ state: 'visible', timeout: 30000 });
    token = ((await tokenText.textContent()) ?? '').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{28}$/);
    await expect(live.locator('.live-code__title').textContent()).resolves.toBe(activityTitle);
    // The QR code is drawn as an image of the token.
    await expect(live.locator('.rv-qr img').getAttribute('src')).resolves.toMatch(/^data:image\/gif;base64,/);
    await expect(live.locator('.live-code__countdown').textContent()).resolves.toMatch(/\d+ 秒后自动更换/);
    await settle(page);
    await screenshot(page, 'live-code.png');
  });

  it('checks the volunteer in with the pasted code, then out, with the time served', async () => {
    expect(token).not.toBe('');
    const page = await session.loggedIn('demo-volunteer');

    await page
      .locator('.weui-tabbar__item')
      .filter({ hasText: /^扫码$/ })
      .click();
    await page.waitForURL(/pages\/scan\/index/);
    const scan = currentPage(page);
    const field = scan.locator('input[placeholder="在此粘贴签到码"]');
    await field.waitFor({ state: 'visible', timeout: 30000 });
    await settle(page);
    await field.fill(token);
    await scan
      .locator('.scan-paste .nut-button')
      .filter({ hasText: /^签到$/ })
      .click();

    await page.waitForURL(/pages-activities\/checkin-result/);
    const result = currentPage(page);
    await result.getByText('签到成功', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await expect(result.locator('.result-facts').textContent()).resolves.toContain(activityTitle);
    await expect(result.locator('.result-facts').textContent()).resolves.toContain(activityPlace);
    await expect(result.locator('.result-hero__time').textContent()).resolves.toMatch(
      /^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
    );
    await settle(page);
    await screenshot(page, 'checkin.png');

    // 签退 sends the same code again, with the intent to check out, once the volunteer confirms.
    await result.locator('.result-checkout .nut-button').click();
    const confirm = page.locator('.taro-model__confirm').filter({ hasText: '签退' });
    await confirm.waitFor({ state: 'visible', timeout: 10000 });
    await confirm.click();

    await result.getByText('签退成功', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    await expect(result.locator('.result-minutes').textContent()).resolves.toMatch(/^(\d+ 小时 )?\d+ 分钟$/);
    await expect(result.locator('.result-points').textContent()).resolves.toBe('10 积分');
    await expect(result.locator('.result-facts').textContent()).resolves.toContain('待审批');
    await expect(result.locator('.result-checkout').count()).resolves.toBe(0);
    await settle(page);
    await screenshot(page, 'checkout.png');
  });
});
