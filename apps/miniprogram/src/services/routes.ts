/** Page URLs with their query, in one place. */
function withQuery(path: string, query: Record<string, string | undefined> = {}): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined && value !== '');
  if (!pairs.length) return path;
  return `${path}?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`).join('&')}`;
}

export type AdminPage = 'members' | 'buildings' | 'households' | 'approvals' | 'rewards';

/** The secretaries' pages live in the `pages-admin` subpackage. */
export function adminPage(page: AdminPage, query: Record<string, string | undefined>): string {
  return withQuery(`/pages-admin/${page}/index`, query);
}

export function joinPage(query: { code?: string } = {}): string {
  return withQuery('/pages/join/index', query);
}

/** The points pages (爱心银行) in the main package: every member uses them. */
export const POINTS_PAGE = '/pages/points/index';
export const MY_ORDERS_PAGE = '/pages/rewards/orders';

export function rewardsPage(cid: string): string {
  return withQuery('/pages/rewards/index', { cid });
}

export function leaderboardPage(cid: string): string {
  return withQuery('/pages/leaderboard/index', { cid });
}

export const TAB_PAGES = {
  home: '/pages/home/index',
  scan: '/pages/scan/index',
  wishes: '/pages/wishes/index',
  mine: '/pages/mine/index',
} as const;

/** A page's query value; weapp hands them over still encoded, H5 already decoded. */
export function queryParam(params: Partial<Record<string, string>>, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
