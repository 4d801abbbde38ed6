import { currentPage, screenshot, settle } from '../support/browser';
import { useDemoSession } from '../support/demo-session';

/**
 * 爱心银行 end to end: the secretary approves a pending award on 积分审批, and the volunteer sees it on 我的积分
 * (demo data: 赵志远 has 60 points and 240 minutes, and 15 points + 120 minutes of 小区环境整治 waiting).
 */
describe('points: approval by the secretary, balance for the volunteer', () => {
  const session = useDemoSession();

  it('lets the secretary approve 赵志远’s 小区环境整治 award (points and hours together)', async () => {
    const page = await session.loggedIn('demo-secretary');

    await page.locator('.home-tile').filter({ hasText: '积分审批' }).click();
    await page.waitForURL(/pages-admin\/approvals\/index/);
    const approvals = currentPage(page);
    const award = approvals
      .locator('.approval-card')
      .filter({ hasText: '赵志远' })
      .filter({ hasText: '小区环境整治' });
    await award.waitFor({ state: 'visible', timeout: 30000 });
    // The points and the minutes of one attendance are one row.
    await expect(award.count()).resolves.toBe(1);
    await expect(award.locator('.approval-card__amount').textContent()).resolves.toBe('15 积分 + 2 小时');
    await expect(approvals.locator('.approval-card').filter({ hasText: '陈丽' }).count()).resolves.toBe(1);
    await settle(page);
    await screenshot(page, 'approvals.png');

    await award
      .locator('.nut-button')
      .filter({ hasText: /^通过$/ })
      .click();
    await award.waitFor({ state: 'detached', timeout: 30000 });
    // 陈丽's award still waits.
    await expect(approvals.locator('.approval-card').filter({ hasText: '陈丽' }).count()).resolves.toBe(1);
  });

  it('shows 赵志远 the new balance on 我的积分: 75 points, nothing pending, 6 小时 of service', async () => {
    const page = await session.loggedIn('demo-volunteer');

    await page.locator('.home-tile').filter({ hasText: '我的积分' }).click();
    await page.waitForURL(/pages-points\/index/);
    const points = currentPage(page);
    const card = points.locator('.points-card').filter({ hasText: '襄阳街社区' });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    await expect(card.locator('.points-card__balance').textContent()).resolves.toBe('75');
    await expect(card.locator('.points-card__pending').textContent()).resolves.toBe('0');
    await expect(card.locator('.points-card__hours').textContent()).resolves.toBe('6 小时');

    // The approved award is in the history, posted now (no 待审批 tag any more).
    const award = points.locator('.ledger-row').filter({ hasText: '小区环境整治' });
    await award.waitFor({ state: 'visible', timeout: 30000 });
    await expect(award.locator('.ledger-row__amount').textContent()).resolves.toBe('+15');
    await expect(award.textContent()).resolves.not.toContain('待审批');
    await settle(page);
    await screenshot(page, 'points.png');
  });
});
