import { Page } from 'playwright-core';
import { currentPage, screenshot, settle } from '../support/browser';
import { button, confirmModal, useDemoSession } from '../support/demo-session';

/** The numbers a page asked the phone to dial (`tel:` links, Taro.makePhoneCall), as Chromium saw them. */
async function dialled(page: Page): Promise<string[]> {
  const numbers: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  cdp.on('Page.frameRequestedNavigation', (event: { url: string }) => {
    if (event.url.startsWith('tel:')) numbers.push(event.url.slice('tel:'.length));
  });
  return numbers;
}

/**
 * 长辈模式 as 孙桂芳 (demo-resident, a resident only) uses it: offered at first use on 首页, switched on there, the
 * page drawn larger (20px type or more, 56px buttons), 我要求助 in three steps with a voice note, and a call to the party member
 * who looks after her household.
 */
describe('长辈模式: 孙奶奶 switches it on, asks for help in three steps and calls her contact member', () => {
  const session = useDemoSession();
  let grandma: Page;

  beforeAll(async () => {
    // Her household (3栋 2单元 101) is put in 张卫东's group, and he shows his number to his households.
    const secretary = await session.apiAs('demo-secretary');
    const cid = (await secretary.me.get()).memberships[0].communityId;
    const group = (await secretary.contact.groups(cid)).items[0];
    const building = (await secretary.communities.buildings(cid)).items.find(
      (b) => b.name === '3栋' && b.compound === '阳光里小区',
    )!;
    await secretary.contact.assign(group.id, {
      buildingId: building.id,
      unit: '2单元',
      floorFrom: 1,
      floorTo: 1,
    });
    const leader = await session.apiAs('demo-member-1');
    await leader.contact.choosePhoneShown(cid, { showPhoneToHouseholds: true });
  });

  it('is offered on 首页 at first use and switches the whole app to large type and large buttons', async () => {
    grandma = await session.loggedIn('demo-resident');
    const home = currentPage(grandma);
    const offer = home.locator('.elderly-offer');
    await offer.waitFor({ state: 'visible', timeout: 30000 });
    await button(offer, '开启长辈模式').click();
    await home.locator('.elderly-home').waitFor({ state: 'visible', timeout: 30000 });
    await expect(offer.count()).resolves.toBe(0);

    const buttons = home.locator('.elderly-button');
    await expect(buttons.locator('.elderly-button__title').allTextContents()).resolves.toEqual([
      '我要求助',
      '联系包户党员',
      '我的积分',
      '社区活动',
    ]);
    for (const box of await buttons.evaluateAll((all) => all.map((b) => b.getBoundingClientRect().height)))
      expect(box).toBeGreaterThanOrEqual(56);
    const bodySize = await home.evaluate((root) => parseFloat(getComputedStyle(root).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(20);
    // 已开启长辈模式 stays for 5 seconds, long enough to read; the picture is of the page after it.
    await grandma.waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every(
          (toast) => toast.style.display === 'none',
        ),
      undefined,
      { timeout: 10000 },
    );
    await screenshot(grandma, 'elderly-home.png');

    // Kept on the server: a new phone opens in it too, with no offer.
    const other = await session.loggedIn('demo-resident');
    await currentPage(other).locator('.elderly-home').waitFor({ state: 'visible', timeout: 30000 });
    await expect(currentPage(other).locator('.elderly-offer').count()).resolves.toBe(0);
    await other.context().close();
  });

  it('posts a wish in three steps: a kind of help, what it is in words and by voice, a last look', async () => {
    await currentPage(grandma).locator('.elderly-button').filter({ hasText: '我要求助' }).click();
    await grandma.waitForURL(/pages-wishes\/ask/);
    await settle(grandma);
    const ask = currentPage(grandma);
    await expect(ask.locator('.ask-steps__count').textContent()).resolves.toBe('第 1 步，共 3 步');
    await ask.locator('.ask-category').filter({ hasText: '助老助残' }).click();

    await expect(ask.locator('.ask-steps__count').textContent()).resolves.toBe('第 2 步，共 3 步');
    await button(ask, '下一步').click();
    await expect(ask.locator('.ask-say__problem').textContent()).resolves.toMatch(/写几个字，或者按“录音”/);
    await ask.locator('textarea').fill('厨房水龙头一直滴水，关不紧。');
    // And she says it too: a voice note of a few seconds, from Chromium's fake microphone.
    const voice = ask.locator('.voice-note');
    await button(voice, '录音').click();
    await voice.getByText(/正在录音 [2-9] 秒/).waitFor({ timeout: 30000 });
    const uploaded = grandma.waitForResponse((r) => r.url().endsWith('/api/uploads/voice'));
    await button(voice, '停止').click();
    expect((await uploaded).status()).toBe(201);
    await voice.getByText(/已录好 \d+ 秒/).waitFor({ timeout: 30000 });
    await button(ask, '下一步').click();

    await expect(ask.locator('.ask-steps__count').textContent()).resolves.toBe('第 3 步，共 3 步');
    await expect(ask.locator('.ask-check').textContent()).resolves.toContain('厨房水龙头一直滴水');
    await expect(ask.locator('.ask-check').textContent()).resolves.toContain('一段语音说明（已录好）');
    await screenshot(grandma, 'elderly-ask-check.png');
    await button(ask, '提交求助').click();
    await confirmModal(grandma, '已经提交了');
    await grandma.waitForURL(/pages-wishes\/detail/);

    const api = await session.apiAs('demo-resident');
    const cid = (await api.me.get()).memberships[0].communityId;
    const mine = (await api.wishes.list(cid, { mine: 'posted' })).items;
    const posted = mine.find((w) => w.title === '厨房水龙头一直滴水，关不紧。');
    expect(posted).toMatchObject({ category: '助老助残', status: 'pending_review' });
    const detail = await api.wishes.get(posted!.id);
    expect(detail.voiceNote?.seconds).toBeGreaterThanOrEqual(2);
  });

  it('calls 张卫东 from 联系包户党员, who shows his number to his households', async () => {
    const numbers = await dialled(grandma);
    await grandma.goto(`${session.baseUrl()}/#/pages/home/index`);
    await settle(grandma);
    const contact = currentPage(grandma).locator('.elderly-button').filter({ hasText: '联系包户党员' });
    await contact.waitFor({ state: 'visible', timeout: 30000 });
    await expect(contact.textContent()).resolves.toContain('给张卫东打电话');
    await contact.click();
    for (let waited = 0; !numbers.length && waited < 10000; waited += 100) await grandma.waitForTimeout(100);
    expect(numbers).toEqual([expect.stringMatching(/^1\d{10}$/)]);
  });
});
