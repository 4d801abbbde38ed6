import { APP_PAGES } from '@redvest/contract';

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
  return withQuery('/pages-account/join', query);
}

/** 家人代办 (`pages-family` subpackage): 我的家人, and 输入家人给的代码. */
export const FAMILY_PAGE = '/pages-family/index';
export const FAMILY_LINK_PAGE = '/pages-family/link';

/** 个人信息 (`pages-account` subpackage): 加入社区, 导出我的数据 and 注销账号. */
export const MY_DATA_PAGE = '/pages-account/my-data';
export const DELETE_ACCOUNT_PAGE = '/pages-account/delete-account';

/** 爱心银行 (`pages-points` subpackage): my points, rewards, my orders and the ranking. */
export const POINTS_PAGE = '/pages-points/index';
export const MY_ORDERS_PAGE = '/pages-points/orders';

export function rewardsPage(cid: string): string {
  return withQuery('/pages-points/rewards', { cid });
}

export function leaderboardPage(cid: string): string {
  return withQuery('/pages-points/leaderboard', { cid });
}

/** 活动管理 (secretaries): the community's activities, the form to publish or edit one, one activity's page. */
export function activitiesAdminPage(cid: string): string {
  return withQuery('/pages-admin/activities/index', { cid });
}

export function activityEditPage(query: { cid?: string; activityId?: string }): string {
  return withQuery('/pages-admin/activities/edit', query);
}

export function activityAdminPage(activityId: string): string {
  return withQuery('/pages-admin/activity/index', { activityId });
}

/** 服务记录更正 (secretaries): volunteers' requests to correct a service record. */
export function correctionsPage(cid: string): string {
  return withQuery('/pages-admin/corrections/index', { cid });
}

export const TAB_PAGES = {
  home: `/${APP_PAGES.home}`,
  scan: `/${APP_PAGES.scan}`,
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

/** 志愿活动 (`pages-activities` subpackage): the activities, 扫码签到's result and 我的服务记录. */
export const ACTIVITIES_PAGE = '/pages-activities/index';
export const CHECKIN_RESULT_PAGE = '/pages-activities/checkin-result';
/** 我的服务记录: my attendances, corrections and the service certificate. */
export const RECORDS_PAGE = '/pages-activities/records';

export function activityPage(activityId: string): string {
  return withQuery('/pages-activities/detail', { id: activityId });
}

/** The organiser's rotating check-in code, shown on their phone at the activity. */
export function liveCode(activityId: string): string {
  return withQuery('/pages-admin/live-code/index', { activityId });
}

/** The printable check-in poster of an activity. */
export function poster(activityId: string): string {
  return withQuery('/pages-admin/poster/index', { activityId });
}

/** 微心愿: the board is a tab; posting, one wish, my wishes, my claims and 消息 are the `pages-wishes` subpackage. */
export const MY_WISHES_PAGE = '/pages-wishes/mine';
export const MY_CLAIMS_PAGE = '/pages-wishes/claimed';
export const MESSAGES_PAGE = '/pages-wishes/messages';

export function wishPostPage(cid: string): string {
  return withQuery('/pages-wishes/post', { cid });
}

export function wishPage(wishId: string): string {
  return withQuery(`/${APP_PAGES.wish}`, { id: wishId });
}

/** 心愿审核 (secretaries and branch secretaries): review, dispatch, confirm for a resident, thank-you letters. */
export function wishesAdminPage(cid: string): string {
  return withQuery('/pages-admin/wishes/index', { cid });
}

/** 包干到户 (`pages-contact` subpackage): my households, one household's card with 入户走访, and 诉求. */
export const MY_HOUSEHOLDS_PAGE = '/pages-contact/index';
export const DEMANDS_PAGE = '/pages-contact/demands';

export function householdPage(householdId: string): string {
  return withQuery('/pages-contact/household', { id: householdId });
}

/** 包户管理 (secretaries): the contact groups and this month's coverage. */
export function contactAdminPage(cid: string): string {
  return withQuery('/pages-admin/contact/index', { cid });
}

/** 包户管理: the form to create a contact group (`cid`) or edit one (`groupId` too). */
export function contactGroupPage(query: { cid: string; groupId?: string }): string {
  return withQuery('/pages-admin/contact/group', query);
}

/** 包户管理: a building's floor map, to assign households to a group or take them back. */
export function contactAssignPage(query: { cid: string; groupId: string }): string {
  return withQuery('/pages-admin/contact/assign', query);
}

/** 三单: 资源单, 需求单 and 项目单 of a community; `demandId` opens 项目单 with 新建项目 answering that demand (诉求转为服务项目). */
export function contactListsPage(cid: string, query: { demandId?: string } = {}): string {
  return withQuery('/pages-contact/lists', { cid, ...query });
}

/** 审计日志 (community secretaries): who did what, to whom, when and from where. */
export function auditLogPage(cid: string): string {
  return withQuery('/pages-admin/audit/index', { cid });
}

/** 年度评价 (group leaders, branch secretaries, secretaries): ratings and the annual report. */
export function evaluationPage(cid: string): string {
  return withQuery('/pages-admin/evaluation/index', { cid });
}

/** 我要求助: a wish in three steps, with a voice note (长辈模式's first button). */
export function askForHelpPage(cid: string): string {
  return `/pages-wishes/ask?cid=${encodeURIComponent(cid)}`;
}
