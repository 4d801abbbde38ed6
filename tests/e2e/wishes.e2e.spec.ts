import { Page } from 'playwright-core';
import { currentPage, screenshot, settle } from '../support/browser';
import { button, confirmModal, openTab, useDemoSession } from '../support/demo-session';

/**
 * 微心愿 end to end, in four phones: 孙桂芳 (demo-resident) posts a wish, the secretary publishes it on 心愿审核,
 * 张卫东 (demo-member-1) claims it on the board for his employer and fulfils it, 孙桂芳 confirms it with a
 * thank-you, and 张卫东's balance on 我的积分 has grown by the wish's 10 points.
 */
describe('wishes: post, review, claim, fulfil, confirm, points', () => {
  const TITLE = '客厅灯泡坏了，想请人帮忙换';
  const DESCRIPTION = '客厅顶灯的灯泡坏了，我腿脚不方便，够不着，想请人帮忙换一个。灯泡家里有。';
  const NOTE = '已上门换好灯泡，试过开关都正常。';
  const THANKS = '谢谢张同志，家里又亮堂了！';

  const session = useDemoSession();
  let resident: Page;
  let member: Page;
  let balanceBefore: number;

  /** A photo for the wish, drawn in the page: a ceiling lamp with its bulb gone dark (PNG). */
  async function lampPhoto(page: Page): Promise<Buffer> {
    const dataUrl = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 480;
      const g = canvas.getContext('2d')!;
      const wall = g.createLinearGradient(0, 0, 0, 480);
      wall.addColorStop(0, '#f4e7d3');
      wall.addColorStop(1, '#e2cfb4');
      g.fillStyle = wall;
      g.fillRect(0, 0, 480, 480);
      g.fillStyle = '#fbf6ee';
      g.fillRect(0, 0, 480, 40);
      g.strokeStyle = '#6b5a48';
      g.lineWidth = 4;
      g.beginPath();
      g.moveTo(240, 40);
      g.lineTo(240, 170);
      g.stroke();
      g.fillStyle = '#b5523b';
      g.beginPath();
      g.moveTo(190, 170);
      g.lineTo(290, 170);
      g.lineTo(350, 260);
      g.lineTo(130, 260);
      g.closePath();
      g.fill();
      g.fillStyle = '#9aa0a6';
      g.beginPath();
      g.arc(240, 292, 34, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#7b6f63';
      g.fillRect(160, 380, 160, 100);
      return canvas.toDataURL('image/png');
    });
    return Buffer.from(dataUrl.split(',')[1], 'base64');
  }

  async function readBalance(page: Page): Promise<number> {
    await page.locator('.home-tile').filter({ hasText: '我的积分' }).click();
    await page.waitForURL(/pages-points\/index/);
    const card = currentPage(page).locator('.points-card').filter({ hasText: '襄阳街社区' });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    await settle(page);
    return Number(await card.locator('.points-card__balance').textContent());
  }

  it('has 张卫东’s balance to compare with at the end', async () => {
    member = await session.loggedIn('demo-member-1');
    balanceBefore = await readBalance(member);
    expect(Number.isInteger(balanceBefore)).toBe(true);
    await member.goBack();
    await settle(member);
  });

  it('lets 孙桂芳 post a wish; it waits for review', async () => {
    resident = await session.loggedIn('demo-resident');
    await openTab(resident, '心愿');
    await button(currentPage(resident), '发布心愿').click();
    await resident.waitForURL(/pages-wishes\/post/);
    const form = currentPage(resident);
    await form.locator('.wish-tile').filter({ hasText: '生活帮扶' }).click();
    await form.locator('input[placeholder="想请大家帮什么忙？"]').fill(TITLE);
    await form.locator('textarea').first().fill(DESCRIPTION);
    // A photo, through the page's file picker, uploaded at once.
    const chooser = resident.waitForEvent('filechooser');
    await form.locator('.photo-picker__add').click();
    await (
      await chooser
    ).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: await lampPhoto(resident) });
    await form.locator('.photo-picker__hint', { hasText: '已添加 1 张' }).waitFor({ timeout: 30000 });
    await button(form, '发布心愿').click();

    await confirmModal(resident, '确认发布');
    await confirmModal(resident, '已提交');
    await resident.waitForURL(/pages-wishes\/detail/);
    const detail = currentPage(resident);
    await detail
      .locator('.wish-detail__title', { hasText: TITLE })
      .waitFor({ state: 'visible', timeout: 30000 });
    await expect(detail.locator('.rv-photos__photo').count()).resolves.toBe(1);
    await expect(detail.locator('.wish-detail__status .rv-badge').textContent()).resolves.toBe('待审核');
    await expect(detail.locator('.wish-detail__hint').textContent()).resolves.toContain('社区正在审核');
  });

  it('lets the secretary publish it on 心愿审核', async () => {
    const secretary = await session.loggedIn('demo-secretary');
    await secretary.locator('.home-tile').filter({ hasText: '心愿审核' }).click();
    await secretary.waitForURL(/pages-admin\/wishes\/index/);
    const card = currentPage(secretary).locator('.wish-card').filter({ hasText: TITLE });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    // The secretary sees who wished it, in full.
    await expect(card.textContent()).resolves.toContain('孙桂芳');
    await settle(secretary);
    await button(card, '通过').click();
    await confirmModal(secretary, '审核通过');
    await card.waitFor({ state: 'detached', timeout: 30000 });
  });

  it('lets 张卫东 claim it on the board for his employer and fulfil it with a note', async () => {
    await member.locator('.home-tile').filter({ hasText: '心愿墙' }).click();
    await member.waitForURL(/pages\/wishes\/index/);
    const board = currentPage(member);
    const card = board.locator('.wish-card').filter({ hasText: TITLE });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    // Others see the resident's name masked, and 10 points for a 生活帮扶 wish.
    await expect(card.locator('.wish-card__meta').textContent()).resolves.toContain('孙*芳');
    await expect(card.locator('.wish-card__points').textContent()).resolves.toBe('10 积分');
    await expect(card.locator('.wish-thumb').getAttribute('src')).resolves.toMatch(/\/api\/uploads\//);
    await settle(member);
    await screenshot(member, 'wish-board.png');

    await card.locator('.wish-card__main').click();
    await member.waitForURL(/pages-wishes\/detail/);
    const detail = currentPage(member);
    const bar = detail.locator('.wish-bar');
    await button(bar, '认领心愿').waitFor({ state: 'visible', timeout: 30000 });
    await settle(member);
    await button(bar, '认领心愿').click();
    const claim = member.locator('.rv-dialog').filter({ hasText: '认领心愿' });
    await claim.waitFor({ state: 'visible' });
    await claim.locator('.wish-choice').filter({ hasText: '以原单位名义认领' }).click();
    await button(claim, '确认认领').click();

    await button(bar, '完成心愿').waitFor({ state: 'visible', timeout: 30000 });
    await expect(detail.locator('.wish-detail__status .rv-badge').textContent()).resolves.toBe('已认领');
    // The claimer now sees where and whom to call.
    await expect(detail.locator('.wish-detail__contact').textContent()).resolves.toContain('13612345605');
    await expect(detail.locator('.wish-detail__facts').textContent()).resolves.toContain('代表佛山市税务局');

    await button(bar, '完成心愿').click();
    const fulfil = member.locator('.rv-dialog').filter({ hasText: '完成心愿' });
    await fulfil.waitFor({ state: 'visible' });
    await fulfil.locator('textarea').fill(NOTE);
    await button(fulfil, '提交完成').click();
    await fulfil.waitFor({ state: 'hidden', timeout: 30000 });
    await detail.locator('.wish-detail__status .rv-badge', { hasText: '待确认' }).waitFor({ timeout: 30000 });
    await expect(detail.locator('.wish-bar').count()).resolves.toBe(0);
  });

  it('lets 孙桂芳 confirm it from 我的心愿 with five stars and a thank-you', async () => {
    // Back on the board (the form was replaced by the wish), then 我的心愿.
    await resident.goBack();
    await resident.waitForURL(/pages\/wishes\/index/);
    await settle(resident);
    await currentPage(resident).locator('.wishes-link').filter({ hasText: '我的心愿' }).click();
    await resident.waitForURL(/pages-wishes\/mine/);
    const card = currentPage(resident).locator('.wish-card').filter({ hasText: TITLE });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    await expect(card.locator('.rv-badge').textContent()).resolves.toBe('待确认');
    await settle(resident);
    await button(card, '去确认').click();
    await resident.waitForURL(/pages-wishes\/detail/);

    const detail = currentPage(resident);
    await expect(
      detail.locator('.wish-detail__text', { hasText: NOTE }).waitFor({ timeout: 30000 }),
    ).resolves.toBeUndefined();
    await settle(resident);
    await button(detail.locator('.wish-bar'), '确认完成').click();
    const confirm = resident.locator('.rv-dialog').filter({ hasText: '确认心愿完成' });
    await confirm.waitFor({ state: 'visible' });
    await confirm.locator('textarea').fill(THANKS);
    await button(confirm, '确认完成').click();
    await confirm.waitFor({ state: 'hidden', timeout: 30000 });

    await detail.locator('.wish-detail__status .rv-badge', { hasText: '已完成' }).waitFor({ timeout: 30000 });
    await expect(detail.locator('.wish-detail__letter').textContent()).resolves.toContain(THANKS);
    const steps = await detail.locator('.wish-timeline__label').allTextContents();
    expect(steps).toEqual(['确认完成', '完成心愿', '认领', '审核通过', '发布心愿']);

    // The picture for the README: the wish and its progress (once the toast has gone).
    await settle(resident);
    await resident
      .locator('.taro__toast')
      .waitFor({ state: 'hidden', timeout: 10000 })
      .catch(() => undefined);
    await resident.waitForTimeout(2500);
    await screenshot(resident, 'wish-timeline.png');
  });

  it('shows 张卫东 the wish’s 10 points on 我的积分', async () => {
    await member.goBack();
    await member.waitForURL(/pages\/wishes\/index/);
    await openTab(member, '首页');
    const balanceAfter = await readBalance(member);
    expect(balanceAfter).toBe(balanceBefore + 10);
    const award = currentPage(member).locator('.ledger-row').filter({ hasText: TITLE });
    await award.waitFor({ state: 'visible', timeout: 30000 });
    await expect(award.locator('.ledger-row__amount').textContent()).resolves.toBe('+10');
  });
});
