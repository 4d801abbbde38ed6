import { currentPage, screenshot, settle } from '../support/browser';
import { button, openTile, useDemoSession } from '../support/demo-session';

/**
 * 包户管理 and 年度评价 end to end: demo-secretary forms a second group, assigns it floors 1–2 of 阳光里 1栋
 * (some of which the demo group has), takes them over with 改派, and sees them as 本组 on the floor map; the
 * demo group's leader rates a member of his group on 年度评价; a party member takes an open project on 三单.
 */
describe('household contact management: groups, the floor map, 年度评价 and 三单', () => {
  const session = useDemoSession();

  it('forms a group, assigns it floors on the floor map and takes over the ones another group has', async () => {
    const secretary = await session.loggedIn('demo-secretary');
    let admin = await openTile(secretary, '包户管理');
    await button(admin, '新建小组').click();
    await settle(secretary);
    const form = currentPage(secretary);
    await secretary.locator('input[placeholder="如：阳光里1栋党员小组"]').fill('阳光里1栋第二小组');
    await form.locator('.group-member').filter({ hasText: '刘洋' }).click();
    await form.locator('.group-member').filter({ hasText: '王建国' }).click();
    await form
      .locator('[role="radiogroup"][aria-label="组长"] [role="radio"]')
      .filter({ hasText: '王建国' })
      .click();
    await button(form, '创建小组').click();
    await settle(secretary);

    admin = currentPage(secretary);
    const card = admin.locator('.rv-card').filter({ hasText: '阳光里1栋第二小组' });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    await card.getByText('组长：王建国', { exact: false }).waitFor({ state: 'visible' });
    await button(card, '分配住户').click();
    await settle(secretary);

    const assign = currentPage(secretary);
    await assign
      .locator('[role="radiogroup"][aria-label="阳光里小区"] [role="radio"]')
      .filter({ hasText: /^1栋（/ })
      .click();
    await assign.locator('.floor-map').waitFor({ state: 'visible', timeout: 30000 });
    const range = assign.locator('.assign-range');
    await range.locator('input').nth(0).fill('1');
    await range.locator('input').nth(1).fill('2');
    await button(range, '分配给本组').click();

    const conflicts = secretary.locator('.nut-dialog').filter({ hasText: '有住户已由其他小组包干' });
    await conflicts.waitFor({ state: 'visible', timeout: 30000 });
    await conflicts.getByText('阳光里1栋党员小组').first().waitFor({ state: 'visible' });
    await button(conflicts, '改派给本组').click();
    await conflicts.waitFor({ state: 'hidden', timeout: 30000 });

    const ours = assign.locator('.floor-map__room--mine');
    await ours.first().waitFor({ state: 'visible', timeout: 30000 });
    expect(await ours.count()).toBeGreaterThanOrEqual(4);
    await screenshot(secretary, 'floor-map.png');
  });

  it('lets the group leader rate a member of his group on 年度评价', async () => {
    const leader = await session.loggedIn('demo-member-1');
    const page = await openTile(leader, '年度评价');
    const member = page.locator('.eval-card').filter({ hasText: '陈丽' });
    await member.waitFor({ state: 'visible', timeout: 30000 });
    await button(member.locator('.eval-rating').filter({ hasText: '小组评价' }), '评价').click();
    const dialog = leader.locator('.nut-dialog').filter({ hasText: '评价等次' });
    await dialog.locator('[role="radio"]').filter({ hasText: '优秀' }).click();
    await dialog.locator('textarea').fill('走访认真，群众满意');
    await button(dialog, '提交评价').click();
    await member
      .locator('.eval-rating')
      .filter({ hasText: '优秀' })
      .waitFor({ state: 'visible', timeout: 30000 });
    await member.getByText('评语：走访认真，群众满意').waitFor({ state: 'visible' });
    await screenshot(leader, 'evaluation.png');
  });

  it('lets a party member take an open project on 三单 (党员接单)', async () => {
    const member = await session.loggedIn('demo-member-3');
    const lists = await openTile(member, '三单');
    await lists.locator('.rv-segmented__item').filter({ hasText: '项目单' }).click();
    const project = lists.locator('.list-card').filter({ hasText: '每月义诊进社区' });
    await project.waitFor({ state: 'visible', timeout: 30000 });
    await project.getByText('使用资源：义诊、量血压').waitFor({ state: 'visible' });
    await button(project, '接单').click();
    await project.getByText('接单人：刘洋').waitFor({ state: 'visible', timeout: 30000 });
    expect(await button(project, '接单').count()).toBe(0);
    // The dispatched project answers a demand: its words are not for a member who did not take it, and
    // its taker's name is shown to them masked.
    const dispatched = lists.locator('.list-card').filter({ hasText: '为 601 独居老人修水管' });
    await dispatched.getByText('接单人：张*东').waitFor({ state: 'visible' });
    expect(await dispatched.getByText('对接诉求', { exact: false }).count()).toBe(0);
  });
});
