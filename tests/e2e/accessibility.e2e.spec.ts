import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { ARTIFACTS, CURRENT_PAGE, settle } from '../support/browser';
import { AxeFinding, seriousAxeFindings } from '../support/axe';
import { useDemoSession } from '../support/demo-session';

/**
 * axe-core on every H5 page, as the person who uses it, in normal and 长辈模式: no page may have a serious or
 * critical finding.
 */
type Mode = 'normal' | 'elderly';

interface Ids {
  cid: string;
  activityId: string;
  wishId: string;
  householdId: string;
  groupId: string;
  buildingId: string;
}

const PAGES: Record<string, (ids: Ids) => string[]> = {
  'demo-resident': ({ cid, wishId, activityId }) => [
    'pages/home/index',
    'pages/wishes/index',
    'pages/mine/index',
    `pages-wishes/post?cid=${cid}`,
    `pages-wishes/detail?id=${wishId}`,
    'pages-wishes/mine',
    'pages-wishes/messages',
    `pages-wishes/ask?cid=${cid}`,
    'pages-points/index',
    `pages-points/rewards?cid=${cid}`,
    'pages-points/orders',
    `pages-points/leaderboard?cid=${cid}`,
    'pages-activities/index',
    `pages-activities/detail?id=${activityId}`,
    'pages-contact/demands',
    'pages-account/my-data',
    'pages-account/delete-account',
    'pages-family/index',
  ],
  'demo-volunteer': () => ['pages/scan/index', 'pages-activities/records', 'pages-family/link'],
  'demo-member-1': ({ householdId }) => [
    'pages-contact/index',
    `pages-contact/household?id=${householdId}`,
    'pages-contact/lists',
    'pages-wishes/claimed',
  ],
  'demo-secretary': ({ cid, activityId, groupId, buildingId }) => [
    `pages-admin/members/index?cid=${cid}`,
    `pages-admin/buildings/index?cid=${cid}`,
    `pages-admin/households/index?cid=${cid}&buildingId=${buildingId}`,
    `pages-admin/approvals/index?cid=${cid}`,
    `pages-admin/rewards/index?cid=${cid}`,
    `pages-admin/activities/index?cid=${cid}`,
    `pages-admin/activities/edit?cid=${cid}`,
    `pages-admin/activity/index?activityId=${activityId}`,
    `pages-admin/corrections/index?cid=${cid}`,
    `pages-admin/live-code/index?activityId=${activityId}`,
    `pages-admin/poster/index?activityId=${activityId}`,
    `pages-admin/wishes/index?cid=${cid}`,
    `pages-admin/contact/index?cid=${cid}`,
    `pages-admin/contact/group?cid=${cid}&groupId=${groupId}`,
    `pages-admin/contact/assign?cid=${cid}&groupId=${groupId}`,
    `pages-admin/evaluation/index?cid=${cid}`,
    `pages-admin/audit/index?cid=${cid}`,
  ],
};

/** The screenshots of every page, one folder per mode. */
const SCREENS = path.join(ARTIFACTS, 'screens');

describe('accessibility of every H5 page (axe-core, WCAG 2.1 AA)', () => {
  const session = useDemoSession();
  const found: Record<string, AxeFinding[]> = {};

  async function api<T>(page: Page, url: string, init: RequestInit = {}): Promise<T> {
    // Taro's H5 storage keeps each value wrapped: {"data": …}.
    const stored = await page.evaluate(() => localStorage.getItem('token'));
    const token = (JSON.parse(stored ?? '{}') as { data?: string }).data;
    const answer = await fetch(`${session.baseUrl()}${url}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    if (!answer.ok) throw new Error(`${url}: ${answer.status}`);
    return (await answer.json()) as T;
  }

  async function demoIds(secretary: Page, member: Page): Promise<Ids> {
    const me = await api<{ memberships: { communityId: string }[] }>(secretary, '/api/me');
    const cid = me.memberships[0].communityId;
    const first = async <T>(page: Page, url: string) => (await api<{ items: T[] }>(page, url)).items[0];
    return {
      cid,
      activityId: (await first<{ id: string }>(secretary, `/api/communities/${cid}/activities`)).id,
      wishId: (await first<{ id: string }>(secretary, `/api/communities/${cid}/wishes`)).id,
      householdId: (await first<{ id: string }>(member, '/api/me/households')).id,
      groupId: (await first<{ id: string }>(secretary, `/api/communities/${cid}/contact-groups`)).id,
      buildingId: (await first<{ id: string }>(secretary, `/api/communities/${cid}/buildings`)).id,
    };
  }

  /** `mode` is the one the page must show before it is checked (a visitor has none of their own). */
  async function audit(page: Page, key: string, route: string, mode?: Mode) {
    await page.goto(`${session.baseUrl()}/#/${route}`);
    await settle(page);
    const shown = page.locator(CURRENT_PAGE).last();
    // What the page shows once loaded, in the mode asked for, not its skeleton, and not a toast about to go.
    await shown.locator('.rv-loading').first().waitFor({ state: 'detached', timeout: 30000 });
    if (mode) {
      const root = mode === 'elderly' ? '.rv-page.rv-page--elderly' : '.rv-page:not(.rv-page--elderly)';
      await shown
        .locator(root)
        .first()
        .waitFor({ state: 'attached', timeout: 30000 })
        .catch(() => {
          throw new Error(`${key}: the page is not in the mode asked for`);
        });
    }
    await page
      .locator('.taro__toast')
      .first()
      .waitFor({ state: 'hidden', timeout: 30000 })
      .catch(() => undefined);
    await page.evaluate(drawn);
    found[key] = await seriousAxeFindings(page);
    // Every page as it looks at a phone's size, in each mode: tests/artifacts/screens/<mode>/.
    const [who, name, shotMode] = key.split(' ');
    const folder = path.join(SCREENS, shotMode);
    mkdirSync(folder, { recursive: true });
    await page.screenshot({
      path: path.join(folder, `${name.replace(/\//g, '~')}@${who}.png`),
      fullPage: true,
    });
  }

  it('finds no serious or critical problem on any page, in either mode', async () => {
    const phones: Record<string, Page> = {};
    for (const who of Object.keys(PAGES)) phones[who] = await session.loggedIn(who);
    const ids = await demoIds(phones['demo-secretary'], phones['demo-member-1']);
    const visitor = await session.newPhone();
    for (const mode of ['normal', 'elderly'] as const) {
      for (const route of ['pages/login/index', 'pages/privacy/index'])
        await audit(visitor, `visitor ${route} ${mode}`, route);
      for (const [who, routes] of Object.entries(PAGES)) {
        await api(phones[who], '/api/me/settings', {
          method: 'PUT',
          body: JSON.stringify({ elderlyMode: mode === 'elderly' }),
        });
        // Switched elsewhere: the app takes the server's setting when it starts.
        await phones[who].reload();
        await settle(phones[who]);
        await phones[who].waitForFunction(
          (on) => document.body.classList.contains('rv-elderly') === on,
          mode === 'elderly',
        );
        for (const route of routes(ids))
          await audit(phones[who], `${who} ${route.split('?')[0]} ${mode}`, route, mode);
      }
    }

    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'axe.json'), JSON.stringify(found, null, 2));
    const counts = Object.values(found).map(count);
    console.log(
      `axe: ${counts.length} 页次，${counts.filter((n) => n > 0).length} 页次有严重问题，` +
        `共 ${counts.reduce((a, b) => a + b, 0)} 个元素；按规则：${JSON.stringify(byRule(found))}`,
    );
    const problems = Object.entries(found).flatMap(([key, list]) =>
      list.map((finding) => `${key}: ${finding.rule} (${finding.targets.join(', ')})`),
    );
    expect(problems).toEqual([]);
  });
});

/** Elements with a serious or critical finding: one element failing two rules counts twice. */
const count = (list: AxeFinding[]) => list.reduce((n, finding) => n + finding.targets.length, 0);

function byRule(found: Record<string, AxeFinding[]>): Record<string, number> {
  const rules: Record<string, number> = {};
  for (const list of Object.values(found))
    for (const finding of list) rules[finding.rule] = (rules[finding.rule] ?? 0) + finding.targets.length;
  return rules;
}

/** Runs in the page: its fonts loaded, its images loaded (or failed), and two frames drawn since. */
async function drawn(): Promise<void> {
  await document.fonts.ready;
  const loading = Array.from(document.images).filter((image) => !image.complete);
  await Promise.all(
    loading.map(
      (image) =>
        new Promise((done) => {
          image.addEventListener('load', done, { once: true });
          image.addEventListener('error', done, { once: true });
        }),
    ),
  );
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
}
