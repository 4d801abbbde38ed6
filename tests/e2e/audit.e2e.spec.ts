import { currentPage, screenshot, settle } from '../support/browser';
import { button, expectText, openTile, useDemoSession } from '../support/demo-session';

/**
 * 审计日志 end to end: the secretary (王建国) approves 陈丽's pending award on 积分审批, then opens 审计日志 from
 * 首页 and finds the approval at the top — who, in which role, for whom, what — and narrows the log to it.
 */
describe('audit log: a secretary sees the approval they just made', () => {
  const session = useDemoSession();

  it('lists 王建国’s approval of 陈丽’s award first, with its role, member and amounts', async () => {
    const page = await session.loggedIn('demo-secretary');

    const approvals = await openTile(page, '积分审批');
    const award = approvals.locator('.approval-card').filter({ hasText: '陈丽' });
    await award.waitFor({ state: 'visible', timeout: 30000 });
    await settle(page);
    await button(award, '通过').click();
    await award.waitFor({ state: 'detached', timeout: 30000 });

    await page.goBack();
    await settle(page);
    const log = await openTile(page, '审计日志');
    const newest = log.locator('.audit-card').first();
    await newest.waitFor({ state: 'visible', timeout: 30000 });
    for (const text of ['积分审批通过', '王建国', '社区书记', '涉及成员：陈丽', '通过：志愿服务签到'])
      await expectText(newest, text);
    await settle(page);
    await screenshot(page, 'audit-log.png');

    // 只看此人 keeps to the secretary's own entries; the approval is still there.
    await newest.getByText('只看此人').click();
    await log.getByText('只看：王建国').waitFor({ state: 'visible', timeout: 30000 });
    await settle(page);
    const mine = log.locator('.audit-card');
    await expect(mine.first().textContent()).resolves.toContain('积分审批通过');
    const names = await mine.locator('.audit-card__name').allTextContents();
    expect(new Set(names)).toEqual(new Set(['王建国']));
    await expect(currentPage(page).getByText('导出 Excel').count()).resolves.toBe(1);
  });
});
