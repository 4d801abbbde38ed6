import { Locator, Page } from 'playwright-core';
import { screenshot, settle } from '../support/browser';
import { button, MODES, openTile, useDemoSession } from '../support/demo-session';
import { expectTextInsideItsBox, textLines } from '../support/layout';

/** The labels of a demand card's buttons, the main (red) ones apart. */
async function cardButtons(card: Locator): Promise<{ main: string[]; others: string[] }> {
  const all = await card.locator('.demand-card__actions .nut-button').evaluateAll((elements) =>
    elements.map((element) => ({
      text: (element.textContent ?? '').trim(),
      main: element.classList.contains('nut-button-primary'),
    })),
  );
  return {
    main: all.filter((b) => b.main).map((b) => b.text),
    others: all.filter((b) => !b.main).map((b) => b.text),
  };
}

async function expectToast(page: Page, text: string): Promise<void> {
  await page
    .locator('.taro__toast p')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor({ state: 'visible', timeout: 30000 });
}

/**
 * 群众诉求 for the branch secretary (李秀兰): it opens on 待处理, where the work is; each state of a demand has
 * one main action and the toast says what was done; the 办结 dialog's box is outlined. 包户管理's coverage:
 * its header on one line, with the month's coverage in percent.
 */
describe('demands and coverage for those who handle them', () => {
  const session = useDemoSession();

  it('opens 群众诉求 on 待处理 and leads through 受理, 开始办理 and 办结 with one main action each', async () => {
    const branch = await session.loggedIn('demo-branch');
    const queue = await openTile(branch, '群众诉求');
    await expect(queue.locator('.rv-segmented__item--active').textContent()).resolves.toBe('待处理');
    const card = queue.locator('.demand-card').filter({ hasText: '已上报' }).first();
    await card.waitFor({ state: 'visible', timeout: 30000 });
    const text = (await card.locator('.demand-card__text').textContent()) ?? '';
    const demand = queue.locator('.demand-card').filter({ hasText: text });

    expect(await cardButtons(demand)).toMatchObject({ main: ['受理'] });
    await button(demand, '受理').click();
    await expectToast(branch, '已受理');
    await demand.getByText('已受理', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
    const accepted = await cardButtons(demand);
    expect(accepted.main).toEqual(['开始办理']);
    expect(accepted.others).toEqual(expect.arrayContaining(['指派', '办结', '建服务项目']));
    await screenshot(branch, 'demand-accepted.png');

    await button(demand, '开始办理').click();
    await expectToast(branch, '已开始办理');
    await demand.getByText('办理中', { exact: false }).first().waitFor({ state: 'visible', timeout: 30000 });
    expect((await cardButtons(demand)).main).toEqual(['办结']);

    await button(demand, '办结').click();
    const dialog = branch.locator('.nut-dialog').filter({ has: branch.locator('.rv-textbox') });
    await dialog.waitFor({ state: 'visible', timeout: 30000 });
    const box = dialog.locator('.rv-textbox');
    await box.locator('textarea').click();
    await branch.keyboard.insertText('已联系物业师傅上门处理，住户确认问题已经解决。'.repeat(4));
    await expectTextInsideItsBox(box);
    await screenshot(branch, 'demand-resolve-dialog.png');
    await button(dialog, '办结').click();
    await expectToast(branch, '已办结');
    await demand.getByText('已办结', { exact: true }).waitFor({ state: 'visible', timeout: 30000 });
  });

  it.each(MODES)(
    'shows 包户管理’s coverage with its header on one line, each word inside its column, and the month’s coverage in percent (%s)',
    async (mode) => {
      const secretary = await session.loggedIn('demo-secretary', mode);
      const admin = await openTile(secretary, '包户管理');
      const coverage = admin.locator('.contact-coverage');
      await coverage.waitFor({ state: 'visible', timeout: 30000 });
      await settle(secretary);
      const header = await textLines(
        coverage.locator('.contact-coverage__row--head .contact-coverage__cell'),
      );
      expect(header.map((cell) => cell.text)).toEqual(['小组 / 楼栋', '户数', '已访', '覆盖率', '逾期']);
      // In 长辈模式's larger type the group's column may wrap onto two lines; nothing may run out of its column.
      for (const cell of header) {
        const lines = mode === 'elderly' && cell.text === '小组 / 楼栋' ? Math.min(cell.lines, 2) : 1;
        expect(cell).toEqual({ text: cell.text, lines, inside: true });
      }
      await expect(admin.locator('.contact-coverage__total').textContent()).resolves.toMatch(
        /^本月覆盖率 \d{1,3}%（已访 \d+ 户，共 \d+ 户）$/,
      );
      const rows = await coverage.locator('.contact-coverage__row:not(.contact-coverage__row--head)').all();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) await expect(row.textContent()).resolves.toMatch(/\d{1,3}%/);
      await screenshot(secretary, `coverage-percent-${mode}.png`);
    },
  );
});
