import { Page } from 'playwright-core';
import { currentPage, screenshot, settle } from '../support/browser';
import {
  certificateText,
  openTab,
  openTile,
  runningDemoActivity,
  useDemoSession,
  wholeDemoPeriod,
} from '../support/demo-session';

const flat = (text: string | null) => (text ?? '').replace(/\s+/g, '');
/** How durations must never be written on a page: decimal hours, or hours with 0. */
const DECIMAL_HOURS = /\d+\.\d+\s*小时|\b0\s*小时/;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

async function pageText(page: Page): Promise<string> {
  await settle(page);
  return (await currentPage(page).textContent()) ?? '';
}

/**
 * One person, one set of figures: the name each page shows (the real name in records, lists and documents;
 * the nickname only where the person sees themself), durations written one way, and 赵志远's service the
 * same on 我的积分, 服务记录 and the certificate, all from the ledger's posted minutes, pending apart
 * (demo data: 4 小时 posted, 2 小时 of 小区环境整治 waiting).
 */
describe('names, durations and figures that agree', () => {
  const session = useDemoSession();

  it('shows the nickname where the person sees themself, said to be one, and the real name beside it', async () => {
    const volunteer = await session.loggedIn('demo-volunteer');
    await expect(currentPage(volunteer).textContent()).resolves.toContain('赵志愿');
    await openTab(volunteer, '我的');
    const mine = currentPage(volunteer);
    await mine.getByText('姓名（社区登记）').waitFor({ state: 'visible', timeout: 30000 });
    await expect(mine.locator('.mine-profile__name').textContent()).resolves.toBe('赵志愿');
    await expect(mine.locator('.mine-profile__nickname').textContent()).resolves.toBe('微信昵称');
    await expect(mine.textContent()).resolves.toContain('赵志远');

    const resident = await session.loggedIn('demo-resident');
    await openTab(resident, '我的');
    const hers = currentPage(resident);
    await hers.getByText('姓名（社区登记）').waitFor({ state: 'visible', timeout: 30000 });
    await expect(hers.locator('.mine-profile__name').textContent()).resolves.toBe('孙奶奶');
    await expect(hers.locator('.mine-profile__nickname').textContent()).resolves.toBe('微信昵称');
    await expect(hers.textContent()).resolves.toContain('孙桂芳');
  });

  it('shows others the real name: the approvals list and the certificate say 赵志远, never 赵志愿', async () => {
    const secretary = await session.loggedIn('demo-secretary');
    const approvals = await openTile(secretary, '积分审批');
    const card = approvals.locator('.approval-card').filter({ hasText: '小区环境整治' }).first();
    await card.waitFor({ state: 'visible', timeout: 30000 });
    const text = await pageText(secretary);
    expect(text).toContain('赵志远');
    expect(text).not.toContain('赵志愿');
    // Durations in words: 2 hours of 小区环境整治, with the points.
    await expect(
      approvals
        .locator('.approval-card')
        .filter({ hasText: '赵志远' })
        .locator('.approval-card__amount')
        .textContent(),
    ).resolves.toBe('15 积分 + 2 小时');
    expect(text).not.toMatch(DECIMAL_HOURS);
  });

  it('gives 赵志远 the same posted service on 我的积分, 服务记录 and the certificate, with what waits apart', async () => {
    const volunteer = await session.loggedIn('demo-volunteer');
    const points = await openTile(volunteer, '我的积分');
    const card = points.locator('.points-card').filter({ hasText: '襄阳街社区' });
    await card.waitFor({ state: 'visible', timeout: 30000 });
    const posted = (await card.locator('.points-card__hours').textContent()) ?? '';
    expect(posted).toBe('4 小时');
    await expect(card.locator('.points-card__note').textContent()).resolves.toBe('另有 2 小时服务时长待审批');
    expect(await pageText(volunteer)).not.toMatch(DECIMAL_HOURS);
    await screenshot(volunteer, 'points-hours.png');

    await volunteer.goBack();
    await settle(volunteer);
    await openTab(volunteer, '我的');
    await currentPage(volunteer).locator('.nut-cell').filter({ hasText: '我的服务记录' }).click();
    await volunteer.waitForURL(/pages-activities\/records/);
    const records = currentPage(volunteer);
    const total = records.locator('.records-total');
    await total.waitFor({ state: 'visible', timeout: 30000 });
    await expect(total.locator('.records-total__minutes').textContent()).resolves.toBe(posted);
    await expect(total.locator('.records-total__pending').textContent()).resolves.toContain(
      '另有 2 小时待审批',
    );
    // The records themselves: the two approved ones add up to the total, the third waits.
    await records.locator('.record-card').nth(2).waitFor({ state: 'visible', timeout: 30000 });
    const minutes = await records.locator('.record-card__minutes').allTextContents();
    expect(minutes.sort()).toEqual(['1 小时 30 分钟', '2 小时 30 分钟', '2 小时（待审批）'].sort());
    const text = await pageText(volunteer);
    expect(text).not.toMatch(DECIMAL_HOURS);
    expect(text).not.toMatch(ISO_DAY);
    await screenshot(volunteer, 'records-total.png');

    const api = await session.apiAs('demo-volunteer');
    const cid = (await api.me.get()).memberships[0].communityId;
    const period = wholeDemoPeriod();
    const certificate = await api.records.issueCertificate({ communityId: cid, ...period });
    expect(certificate).toMatchObject({ activityCount: 2, totalMinutes: 240, holderName: '赵*远' });
    const pdf = flat(await certificateText(session, certificate.pdfUrl));
    expect(pdf).toContain(`累计服务时长${flat(posted)}`);
    expect(pdf).toContain('赵志远');
    expect(pdf).not.toContain('赵志愿');
    expect(pdf).toContain('服务时长');
    expect(pdf).not.toContain('时长（小时）');
    expect(pdf).not.toContain('小区环境整治');
    expect(pdf).toContain(`${Number(period.from.slice(0, 4))}年1月1日至`);
    expect(pdf).not.toMatch(ISO_DAY);
  });

  it('holds the demo’s activities at hours such activities keep in China, whatever the hour it started', async () => {
    const volunteer = await session.loggedIn('demo-volunteer');
    const running = (await runningDemoActivity(session)).title;
    const list = await openTile(volunteer, '志愿活动');
    const seen: string[] = [];
    for (const tab of ['进行中', '即将开始', '已结束']) {
      await list.locator('.rv-segmented__item').filter({ hasText: tab }).click();
      await settle(volunteer);
      await list.locator('.activity-card').first().waitFor({ state: 'visible', timeout: 30000 });
      for (const card of await list.locator('.activity-card').all()) {
        const text = (await card.textContent()) ?? '';
        seen.push(text);
        if (text.includes('平安夜巡')) continue;
        const hours = [...text.matchAll(/(\d{2}):(\d{2})/g)].map((m) => Number(m[1]) + Number(m[2]) / 60);
        expect(hours.length).toBeGreaterThan(0);
        for (const hour of hours)
          expect({ text, sensible: hour >= 7 && hour <= 21 }).toEqual({ text, sensible: true });
      }
    }
    expect(seen.some((text) => text.includes(running))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(9);
  });
});
