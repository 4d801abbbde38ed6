import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_PAGES } from '@redvest/contract';
import * as routes from './routes';
import { HOME_PAGE, LOGIN_PAGE, PRIVACY_PAGE } from './session';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  preloadRule: Record<string, { packages: string[] }>;
  tabBar: { list: { pagePath: string }[] };
}

function loadAppConfig(): AppConfig {
  const withGlobal = globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig };
  withGlobal.defineAppConfig = (config) => config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../app.config') as { default: AppConfig }).default;
}

const config = loadAppConfig();
const subPages = config.subPackages.flatMap(({ root, pages }) => pages.map((page) => `${root}/${page}`));
const registered = new Set([...config.pages, ...subPages]);
const pathOf = (url: string) => url.replace(/^\//, '').replace(/\?.*$/, '');

/** Every URL the app navigates to, built the way the pages build them. */
const urls = [
  HOME_PAGE,
  LOGIN_PAGE,
  PRIVACY_PAGE,
  ...Object.values(routes.TAB_PAGES),
  ...(['members', 'buildings', 'households', 'approvals', 'rewards'] as const).map((page) =>
    routes.adminPage(page, { cid: 'c1' }),
  ),
  routes.joinPage({ code: 'A1' }),
  routes.MY_DATA_PAGE,
  routes.DELETE_ACCOUNT_PAGE,
  routes.FAMILY_PAGE,
  routes.FAMILY_LINK_PAGE,
  routes.POINTS_PAGE,
  routes.MY_ORDERS_PAGE,
  routes.rewardsPage('c1'),
  routes.leaderboardPage('c1'),
  routes.activitiesAdminPage('c1'),
  routes.activityEditPage({ cid: 'c1' }),
  routes.activityAdminPage('a1'),
  routes.correctionsPage('c1'),
  routes.ACTIVITIES_PAGE,
  routes.CHECKIN_RESULT_PAGE,
  routes.RECORDS_PAGE,
  routes.activityPage('a1'),
  routes.liveCode('a1'),
  routes.poster('a1'),
  routes.MY_WISHES_PAGE,
  routes.MY_CLAIMS_PAGE,
  routes.MESSAGES_PAGE,
  routes.wishPostPage('c1'),
  routes.wishPage('w1'),
  routes.wishesAdminPage('c1'),
  routes.MY_HOUSEHOLDS_PAGE,
  routes.DEMANDS_PAGE,
  routes.householdPage('h1'),
  routes.contactAdminPage('c1'),
  routes.contactGroupPage({ cid: 'c1' }),
  routes.contactAssignPage({ cid: 'c1', groupId: 'g1' }),
  routes.contactListsPage('c1'),
  routes.auditLogPage('c1'),
  routes.evaluationPage('c1'),
];

describe('page routes', () => {
  it.each(urls)('%s is a page registered in app.config.ts', (url) => {
    expect(registered).toContain(pathOf(url));
  });

  it('registers only pages that exist, each once', () => {
    const all = [...config.pages, ...subPages];
    expect(new Set(all).size).toBe(all.length);
    for (const page of all) expect(existsSync(path.join(__dirname, '..', `${page}.tsx`))).toBe(true);
  });

  it('keeps the tabs and the pages the server links to in the main package or a registered subpackage', () => {
    for (const { pagePath } of config.tabBar.list) expect(config.pages).toContain(pagePath);
    for (const page of Object.values(APP_PAGES)) expect(registered).toContain(page);
  });

  it('preloads only registered subpackages, from main-package pages', () => {
    const roots = config.subPackages.map(({ root }) => root);
    for (const [page, rule] of Object.entries(config.preloadRule)) {
      expect(config.pages).toContain(page);
      for (const root of rule.packages) expect(roots).toContain(root);
    }
  });
});
