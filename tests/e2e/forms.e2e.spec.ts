import { Page } from 'playwright-core';
import { currentPage, screenshot, settle } from '../support/browser';
import { button, Mode, MODES, openTab, openTile, TAP_MIN, useDemoSession } from '../support/demo-session';
import { expectTextInsideItsBox, heights, textLines } from '../support/layout';

const LONG = '家里客厅顶灯的灯泡坏了，我腿脚不方便够不着，想请人帮忙换一个，灯泡家里有。'
  .repeat(3)
  .slice(0, 100);
const PASTE = '长'.repeat(5000);

/** Types into a text box as a person pastes: the browser's own limit applies, as it would to them. */
async function paste(page: Page, textarea: ReturnType<Page['locator']>, text: string) {
  await textarea.click();
  await page.keyboard.insertText(text);
}

/**
 * Forms at a phone's size: long text stays inside its box (the box grows, then scrolls) and never runs over
 * the counter, the hint or the next field; a paste longer than the limit is cut and the page says so; every
 * button is at least 44px high (56px in 长辈模式); a busy button keeps its label, and only the one tapped spins.
 * All of it in both modes: 长辈模式's larger type must not break a layout.
 */
describe.each(MODES)('forms: text boxes, tap targets and busy buttons (%s)', (mode: Mode) => {
  const session = useDemoSession();
  const loggedIn = (openid: string) => session.loggedIn(openid, mode);
  const shot = (name: string) => name.replace(/\.png$/, `-${mode}.png`);

  it('keeps 100 characters of 发布心愿’s 具体说明 inside the box, and says when a 5,000-character paste was cut to 500', async () => {
    const resident = await loggedIn('demo-resident');
    await openTab(resident, '心愿');
    await button(currentPage(resident), '发布心愿').click();
    await resident.waitForURL(/pages-wishes\/post/);
    await settle(resident);
    const form = currentPage(resident);
    // Each category's name on one line, in either mode's type.
    await form.locator('.wish-tile__name').first().waitFor({ state: 'visible', timeout: 30000 });
    const nameLines = (await textLines(form.locator('.wish-tile__name'))).map((name) => name.lines);
    expect(nameLines.length).toBe(8);
    expect(nameLines.filter((lines) => lines !== 1)).toEqual([]);
    const description = form.locator('.rv-textbox').first();
    const textarea = description.locator('textarea');

    await paste(resident, textarea, LONG);
    await expect(textarea.inputValue()).resolves.toBe(LONG);
    await expectTextInsideItsBox(description);
    await expect(description.locator('.rv-textbox__count').textContent()).resolves.toBe('100/500');
    await expect(description.locator('.rv-textbox__cut').count()).resolves.toBe(0);

    await textarea.fill('');
    await paste(resident, textarea, PASTE);
    const cut = description.locator('.rv-textbox__cut');
    await cut.waitFor({ state: 'visible', timeout: 30000 });
    await expect(cut.textContent()).resolves.toBe('粘贴的内容有 5000 字，最多 500 字，已只保留前 500 字');
    await expect(textarea.inputValue()).resolves.toBe('长'.repeat(500));
    await expect(description.locator('.rv-textbox__count').textContent()).resolves.toBe('500/500');
    await expectTextInsideItsBox(description);
    await screenshot(resident, shot('wish-post-long-text.png'));
  });

  it('keeps long text inside the visit form’s 走访情况 and the 提诉求 dialog', async () => {
    const member = await loggedIn('demo-member-1');
    const mine = await openTile(member, '我的包户');
    const row = mine.locator('.contact-row').first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    await row.click();
    await settle(member);
    const card = currentPage(member);
    const notes = card.locator('.rv-field').filter({ hasText: '走访情况' }).locator('.rv-textbox');
    await paste(member, notes.locator('textarea'), LONG);
    await expectTextInsideItsBox(notes);

    const demands = await loggedIn('demo-branch');
    const page = await openTile(demands, '群众诉求');
    await button(page, '提诉求').click();
    const dialog = demands.locator('.nut-dialog').filter({ hasText: '提诉求' });
    await dialog.waitFor({ state: 'visible', timeout: 30000 });
    const text = dialog.locator('.rv-textbox');
    await paste(demands, text.locator('textarea'), LONG);
    await expectTextInsideItsBox(text);
    await screenshot(demands, shot('raise-demand-long-text.png'));
  });

  it(`gives every secondary button at least ${TAP_MIN[mode]}px: 受理, 不予受理, 建服务项目, 转为心愿, 申请更正, 修改设置, 拨打`, async () => {
    const branch = await loggedIn('demo-branch');
    const queue = await openTile(branch, '群众诉求');
    const card = queue
      .locator('.demand-card')
      .filter({ has: branch.locator('.nut-button', { hasText: '受理' }) });
    await card.first().waitFor({ state: 'visible', timeout: 30000 });
    const found: { text: string; height: number }[] = [];
    found.push(...(await heights(card.first().locator('.nut-button'))));

    const volunteer = await loggedIn('demo-volunteer');
    await openTab(volunteer, '我的');
    await currentPage(volunteer).locator('.nut-cell').filter({ hasText: '我的服务记录' }).click();
    await settle(volunteer);
    const correct = currentPage(volunteer).locator('.nut-button').filter({ hasText: '申请更正' });
    await correct.first().waitFor({ state: 'visible', timeout: 30000 });
    found.push(...(await heights(correct.first())));

    const secretary = await loggedIn('demo-secretary');
    const admin = await openTile(secretary, '包户管理');
    const settings = admin.locator('.nut-button').filter({ hasText: '修改设置' });
    await settings.waitFor({ state: 'visible', timeout: 30000 });
    found.push(...(await heights(settings)));

    // 陈丽 claimed 帮忙在网上做养老资格认证: she sees the resident's number with 拨打.
    const claimer = await loggedIn('demo-member-2');
    const api = await session.apiAs('demo-member-2');
    const cid = (await api.me.get()).memberships[0].communityId;
    const claimed = (await api.wishes.list(cid, { mine: 'claimed' })).items.find(
      (w) => w.title === '帮忙在网上做养老资格认证',
    )!;
    await claimer.goto(`${session.baseUrl()}/#/pages-wishes/detail?id=${claimed.id}`);
    await settle(claimer);
    const call = currentPage(claimer).locator('.nut-button').filter({ hasText: '拨打' });
    await call.waitFor({ state: 'visible', timeout: 30000 });
    found.push(...(await heights(call)));

    const labels = found.map((f) => f.text);
    for (const wanted of ['受理', '不予受理', '建服务项目', '转为心愿', '申请更正', '修改设置', '拨打']) {
      expect(labels).toContain(wanted);
    }
    for (const target of found)
      expect({ ...target, tall: target.height >= TAP_MIN[mode] }).toEqual({ ...target, tall: true });
  });

  it('spins only the button tapped on 扫码, keeping its label readable, while the check-in is on its way', async () => {
    const volunteer = await loggedIn('demo-volunteer');
    await openTab(volunteer, '扫码');
    const scan = currentPage(volunteer);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await volunteer.route('**/api/checkins', async (route) => {
      await held;
      await route.continue();
    });
    await scan.locator('input[placeholder="在此粘贴签到码"]').fill('A'.repeat(28));
    const submit = scan.locator('.scan-paste .nut-button');
    await submit.click();
    await scan.locator('.scan-paste .nut-button-loading').waitFor({ state: 'visible', timeout: 30000 });

    const buttons = await scan.locator('.nut-button').evaluateAll((elements) =>
      elements.map((element) => {
        const label = element.querySelector('.nut-button-children');
        return {
          text: (element.textContent ?? '').trim(),
          loading: element.classList.contains('nut-button-loading'),
          labelGround: label ? getComputedStyle(label).backgroundColor : null,
          labelColour: label ? getComputedStyle(label).color : null,
        };
      }),
    );
    expect(buttons.filter((b) => b.loading).map((b) => b.text)).toEqual(['签到']);
    const busy = buttons.find((b) => b.loading)!;
    // The label sits on the button's own red, in white, with no box of its own behind it.
    expect(busy).toMatchObject({ labelGround: 'rgba(0, 0, 0, 0)', labelColour: 'rgb(255, 255, 255)' });
    await screenshot(volunteer, shot('scan-busy.png'));
    release();
    await volunteer.locator('.taro-modal__content').waitFor({ state: 'visible', timeout: 30000 });
  });
});
