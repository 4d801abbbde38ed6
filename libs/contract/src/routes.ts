import { Role } from './roles';

/** Child resources whose community is looked up from their id (DESIGN §1: 404 outside one's communities). */
export type ResourceKind = 'building' | 'household';

export type RouteAccess =
  /** No login needed. */
  | { access: 'public' }
  /** Any logged-in user. */
  | { access: 'user' }
  | { access: 'platform_admin' }
  /** `/api/communities/:cid/...`: the caller's roles in that community. */
  | { access: 'community'; roles: readonly Role[]; platformAdminToo?: boolean; pendingToo?: boolean }
  /** A route on a child resource: the roles in the community that owns it. */
  | { access: 'resource'; resource: ResourceKind; param: string; roles: readonly Role[] };

export interface RoutePolicy {
  summary: string;
  access: RouteAccess;
}

const MEMBER = [Role.Resident] as const;
const SECRETARY = [Role.Secretary] as const;
const ORGANISATION_READERS = [Role.Secretary, Role.BranchSecretary, Role.GroupLeader] as const;

/**
 * The role-by-route table: the guard enforces it, the OpenAPI document shows it, and a test checks that
 * every route the server serves is listed here. Keys are `METHOD /path` as the server registers them.
 */
export const ROUTE_POLICIES = {
  'GET /healthz': { summary: '存活与数据库就绪检查', access: { access: 'public' } },
  'POST /api/auth/wechat': { summary: '微信登录（wx.login 的 code）', access: { access: 'public' } },
  'POST /api/auth/dev-login': { summary: '体验登录（仅 AUTH_DEV_LOGIN=1）', access: { access: 'public' } },
  'GET /api/auth/options': { summary: '可用的登录方式与体验账号', access: { access: 'public' } },
  'GET /api/privacy': { summary: '隐私保护指引全文与版本', access: { access: 'public' } },
  'GET /api/me': { summary: '我的资料、社区与角色', access: { access: 'user' } },
  'POST /api/me/privacy-consent': { summary: '同意隐私保护指引', access: { access: 'user' } },
  'GET /api/invites/:code': { summary: '用邀请码查找社区', access: { access: 'user' } },
  'POST /api/communities': { summary: '创建社区', access: { access: 'platform_admin' } },
  'GET /api/communities/:cid': {
    summary: '社区信息',
    access: { access: 'community', roles: MEMBER, pendingToo: true },
  },
  'POST /api/communities/:cid/join': { summary: '凭邀请码加入社区', access: { access: 'user' } },
  'POST /api/communities/:cid/invite-code/rotate': {
    summary: '更换社区邀请码',
    access: { access: 'community', roles: SECRETARY },
  },
  'GET /api/communities/:cid/members': {
    summary: '成员列表',
    access: { access: 'community', roles: SECRETARY },
  },
  'POST /api/communities/:cid/members': {
    summary: '设置成员角色与原单位',
    access: { access: 'community', roles: SECRETARY, platformAdminToo: true },
  },
  'POST /api/communities/:cid/members/:userId/verify': {
    summary: '审核通过入社区申请',
    access: { access: 'community', roles: SECRETARY },
  },
  'GET /api/communities/:cid/employers': {
    summary: '原单位列表',
    access: { access: 'community', roles: SECRETARY },
  },
  'GET /api/communities/:cid/compounds': {
    summary: '小区列表',
    access: { access: 'community', roles: MEMBER, pendingToo: true },
  },
  'GET /api/communities/:cid/buildings': {
    summary: '楼栋列表',
    access: { access: 'community', roles: ORGANISATION_READERS },
  },
  'GET /api/communities/:cid/households': {
    summary: '住户列表（可按楼栋）',
    access: { access: 'community', roles: ORGANISATION_READERS },
  },
  'POST /api/communities/:cid/households/import': {
    summary: '导入小区、楼栋与住户（XLSX/CSV）',
    access: { access: 'community', roles: SECRETARY },
  },
  'PUT /api/buildings/:buildingId': {
    summary: '修改楼栋',
    access: { access: 'resource', resource: 'building', param: 'buildingId', roles: SECRETARY },
  },
  'PUT /api/households/:householdId': {
    summary: '修改住户',
    access: { access: 'resource', resource: 'household', param: 'householdId', roles: SECRETARY },
  },
} as const satisfies Record<string, RoutePolicy>;

export type RouteKey = keyof typeof ROUTE_POLICIES;

export function policyFor(method: string, path: string): RoutePolicy | undefined {
  return (ROUTE_POLICIES as Record<string, RoutePolicy>)[`${method.toUpperCase()} ${path}`];
}
