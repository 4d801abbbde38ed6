import { currentPage, screenshot, settle } from '../support/browser';
import { button, expectText, openTile, useDemoSession } from '../support/demo-session';

const DEMAND = '厨房水管漏水，楼下天花板也湿了';

/**
 * 包干到户 end to end: demo-member-1 (张卫东, leader of 阳光里1栋党员小组) opens 我的包户, records a visit to the
 * overdue 101 with 陈丽 along and a demand heard at the door; demo-branch (李秀兰) finds the demand in 待处理,
 * accepts and resolves it; demo-secretary sees this month's coverage on 包户管理.
 */
describe('household contact: 我的包户, 入户走访 and 群众诉求', () => {
  const session = useDemoSession();

  it('lets a group member record a visit with a demand, which the branch accepts and resolves', async () => {
    const member = await session.loggedIn('demo-member-1');
    const mine = await openTile(member, '我的包户');
    const row = (room: string) =>
      mine
        .locator('.contact-row')
        .filter({ has: member.locator('.contact-row__room', { hasText: new RegExp(`^${room}$`) }) });
    await row('101').waitFor({ state: 'visible', timeout: 30000 });
    await expectText(row('101'), '逾期');
    await expectText(row('601'), '上次走访');

    await row('101').click();
    await settle(member);
    const card = currentPage(member);
    await card.getByText('1栋 1单元 101', { exact: false }).first().waitFor({ state: 'visible' });
    const choice = (text: string) =>
      card.locator('.visit-choice').filter({ hasText: new RegExp(`^${text}$`) });
    await choice('陈丽').click();
    await choice('独居老人').click();
    await choice('自住').click();
    await button(card, '添加诉求').click();
    await choice('住房维修').click();
    await card.locator('.visit-demand__text textarea').fill(DEMAND);
    await button(card, '登记走访').click();
    await card.locator('.visit-item').first().waitFor({ state: 'visible', timeout: 30000 });
    await card.getByText('已按时走访').waitFor({ state: 'visible' });
    await expectText(card.locator('.visit-item').first(), '走访人：张卫东、陈丽');

    await member.goBack();
    await settle(member);
    await row('101').getByText('独居老人').waitFor({ state: 'visible', timeout: 30000 });
    expect(await row('101').getByText('逾期').count()).toBe(0);
    await screenshot(member, 'contact.png');

    const branch = await session.loggedIn('demo-branch');
    const queue = await openTile(branch, '群众诉求');
    await queue.locator('.rv-segmented__item').filter({ hasText: '待处理' }).click();
    const demand = queue.locator('.demand-card').filter({ hasText: DEMAND });
    await demand.waitFor({ state: 'visible', timeout: 30000 });
    await expectText(demand, '已上报');
    await expectText(demand, '1栋 1单元 101');
    await button(demand, '受理').click();
    await expectText(demand, '已受理');
    await button(demand, '办结').click();
    const dialog = branch.locator('.nut-dialog').filter({ hasText: '办结' });
    await dialog.locator('textarea').fill('已联系物业更换水管，楼下已修复');
    await button(dialog, '办结').click();
    await expectText(demand, '已办结');
    await expectText(demand, '办理结果：已联系物业更换水管');
    await screenshot(branch, 'demand-resolved.png');
  });

  it("shows the secretary this month's coverage on 包户管理", async () => {
    const secretary = await session.loggedIn('demo-secretary');
    const admin = await openTile(secretary, '包户管理');
    const coverage = admin.locator('.contact-coverage');
    await coverage.waitFor({ state: 'visible', timeout: 30000 });
    await expectText(coverage, '阳光里1栋党员小组');
    await screenshot(secretary, 'coverage.png');
  });
});
