import { Page } from 'playwright-core';
import { currentPage, screenshot, settle } from '../support/browser';
import { button, confirmModal, openTab, useDemoSession } from '../support/demo-session';

/**
 * 家人代办 end to end, in two phones: 孙桂芳 (demo-resident) makes a code in 我的 → 我的家人, 赵志远
 * (demo-volunteer) enters it and posts a wish for her, choosing her under 为谁发布, and 孙桂芳 finds it in
 * 我的心愿, marked as posted by her family.
 */
describe('family: a code links a family member, who posts a wish for the resident', () => {
  const TITLE = '想请人陪我去社区医院';
  const DESCRIPTION = '下周二上午要去社区医院复查血压，腿脚不方便，想请人陪我走过去。';
  const session = useDemoSession();
  let resident: Page;
  let family: Page;
  let code = '';

  async function openFamilyPage(page: Page) {
    await openTab(page, '我的');
    await currentPage(page).locator('.nut-cell').filter({ hasText: '我的家人' }).click();
    await page.waitForURL(/pages-family\/index/);
    await settle(page);
  }

  it('gives 孙桂芳 a code to copy for her family', async () => {
    resident = await session.loggedIn('demo-resident');
    await openFamilyPage(resident);
    const view = currentPage(resident);
    await button(view, '生成代码').click();
    const shown = view.locator('.family-code__value');
    await shown.waitFor({ state: 'visible', timeout: 30000 });
    code = ((await shown.textContent()) ?? '').trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4} [2-9A-HJ-NP-Z]{4}$/);
    await button(view, '复制代码').waitFor({ state: 'visible' });
    const box = await button(view, '复制代码').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await screenshot(resident, 'family-code.png');
  });

  it('links 赵志远 as her family with the code', async () => {
    family = await session.loggedIn('demo-volunteer');
    await openFamilyPage(family);
    await button(currentPage(family), '输入家人给的代码').click();
    await family.waitForURL(/pages-family\/link/);
    const form = currentPage(family);
    await form.locator('input').first().fill(code.toLowerCase());
    await button(form, '关联家人').click();
    await confirmModal(family, '关联成功');
    await family.waitForURL(/pages-family\/index/);
    const list = currentPage(family);
    await list.locator('.family-link__name').first().waitFor({ state: 'visible', timeout: 30000 });
    await expect(list.locator('.family-link__name').first().textContent()).resolves.toBe('孙*芳');
  });

  it('lets 赵志远 post a wish for 孙桂芳', async () => {
    // Back from 我的家人 to the tabs.
    await family.goBack();
    await settle(family);
    await openTab(family, '心愿');
    await button(currentPage(family), '发布心愿').click();
    await family.waitForURL(/pages-wishes\/post/);
    const form = currentPage(family);
    const forWhom = form.locator('.wish-post__for-whom');
    await forWhom.waitFor({ state: 'visible', timeout: 30000 });
    await forWhom.locator('.rv-segmented__item').filter({ hasText: '孙*芳' }).click();
    await form.locator('.wish-tile').filter({ hasText: '助老助残' }).click();
    await form.locator('input[placeholder="想请大家帮什么忙？"]').fill(TITLE);
    await form.locator('textarea').first().fill(DESCRIPTION);
    await button(form, '发布心愿').click();
    await confirmModal(family, '确认发布');
    await confirmModal(family, '已提交');
    await family.waitForURL(/pages-wishes\/detail/);
    const detail = currentPage(family);
    await detail.locator('.wish-detail__title', { hasText: TITLE }).waitFor({ timeout: 30000 });
    await expect(detail.locator('.wish-detail__facts').textContent()).resolves.toMatch(
      /孙桂芳（由家人 \S+ 代为发布）/,
    );
  });

  it('shows 孙桂芳 the wish in 我的心愿, posted by her family', async () => {
    await resident.goto(`${session.baseUrl()}/#/pages-wishes/mine`);
    await resident.waitForURL(/pages-wishes\/mine/);
    const card = currentPage(resident).locator('.wish-card').filter({ hasText: TITLE });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    await expect(card.textContent()).resolves.toMatch(/由家人 \S+ 代为发布/);
    await settle(resident);
    await screenshot(resident, 'family-wish.png');
  });
});
