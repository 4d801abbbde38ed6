import { AuditAction, RouteAudit } from './audit';
import { ResourceKind } from './resource-kind';
import { Role } from './roles';

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
  /**
   * What the route writes to the audit log. Every route that changes something says it: the actions it records,
   * or `null` when the caller only ever acts for themselves. Exports of personal data say it too.
   */
  audit?: RouteAudit | null;
}

const MEMBER = [Role.Resident] as const;
const SECRETARY = [Role.Secretary] as const;
const ORGANISATION_READERS = [Role.Secretary, Role.BranchSecretary, Role.GroupLeader] as const;
const APPROVERS = [Role.Secretary, Role.BranchSecretary] as const;
const VOLUNTEERS = [Role.Volunteer] as const;
const PARTY_MEMBERS = [Role.PartyMember] as const;
const A = AuditAction;
const audited = (...actions: AuditAction[]): RouteAudit => ({ actions });
/**
 * Recorded only when a secretary acts on someone else's record (代发, 代确认, cancelling a member's order) or is
 * shown personal data in full; not when a member acts for themselves.
 */
const conditional = (...actions: AuditAction[]): RouteAudit => ({ actions, records: 'conditional' });
/** Leaving or deleting the account ends the person's family links: one entry for each link it ends. */
const endsFamilyLinks: RouteAudit = { actions: [A.FamilyUnlink], records: 'each' };

/**
 * The role-by-route table: the guard enforces it, the OpenAPI document shows it, and a test checks that
 * every route the server serves is listed here. Keys are `METHOD /path` as the server registers them.
 * A new route also gets its row in the access matrix (apps/server/test/access-matrix.ts), written apart from this.
 */
export const ROUTE_POLICIES = {
  'GET /healthz': { summary: '存活与数据库就绪检查', access: { access: 'public' } },
  'POST /api/auth/wechat': {
    summary: '微信登录（wx.login 的 code）',
    access: { access: 'public' },
    audit: null,
  },
  'POST /api/auth/dev-login': {
    summary: '体验登录（仅 AUTH_DEV_LOGIN=1）',
    access: { access: 'public' },
    audit: null,
  },
  'GET /api/auth/options': { summary: '可用的登录方式与体验账号', access: { access: 'public' } },
  'POST /api/auth/logout': {
    summary: '退出登录（本设备的登录立即失效）',
    access: { access: 'user' },
    audit: null,
  },
  'POST /api/auth/logout-all': {
    summary: '退出所有设备（此前所有的登录立即失效）',
    access: { access: 'user' },
    audit: null,
  },
  'GET /api/privacy': { summary: '隐私保护指引全文与版本', access: { access: 'public' } },
  'GET /api/me': { summary: '我的资料、社区与角色', access: { access: 'user' } },
  'POST /api/me/privacy-consent': { summary: '同意隐私保护指引', access: { access: 'user' }, audit: null },
  'PUT /api/me/settings': { summary: '我的设置：长辈模式', access: { access: 'user' }, audit: null },
  'GET /api/me/export': { summary: '导出我的全部个人信息（JSON，已解密）', access: { access: 'user' } },
  'DELETE /api/me': {
    summary: '注销账号（须确认）：个人信息删除或匿名化，积分账本保留；家人关联随之解除',
    access: { access: 'user' },
    audit: endsFamilyLinks,
  },
  'GET /api/me/invitations': { summary: '我收到的社区邀请', access: { access: 'user' } },
  'POST /api/invitations/:invitationId/accept': {
    summary: '同意社区邀请（本人）',
    access: { access: 'user' },
    audit: null,
  },
  'POST /api/invitations/:invitationId/decline': {
    summary: '拒绝社区邀请（本人）',
    access: { access: 'user' },
    audit: null,
  },
  'GET /api/invites/:code': { summary: '用邀请码查找社区', access: { access: 'user' } },
  'POST /api/communities': {
    summary: '创建社区',
    access: { access: 'platform_admin' },
    audit: audited(A.CommunityCreate),
  },
  'GET /api/communities/:cid': {
    summary: '社区信息',
    access: { access: 'community', roles: MEMBER, pendingToo: true },
  },
  'POST /api/communities/:cid/join': { summary: '凭邀请码加入社区', access: { access: 'user' }, audit: null },
  'POST /api/communities/:cid/invite-code/rotate': {
    summary: '更换社区邀请码',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.InviteCodeRotate),
  },
  'GET /api/communities/:cid/members': {
    summary: '成员列表（支书用于派单、指派；手机号仅社区书记可见全号）',
    access: { access: 'community', roles: APPROVERS },
    audit: conditional(A.MemberListView),
  },
  'POST /api/communities/:cid/members': {
    summary: '设置成员或入社区申请人的角色与原单位（未申请的人须先邀请）',
    access: { access: 'community', roles: SECRETARY, platformAdminToo: true },
    audit: audited(A.MemberRolesSet),
  },
  'POST /api/communities/:cid/members/:userId/verify': {
    summary: '审核通过入社区申请',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.MemberVerify),
  },
  'POST /api/communities/:cid/members/:userId/remove': {
    summary: '移除成员（需说明原因；服务记录与积分账本保留；家人关联随之解除）',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.MemberRemove, A.FamilyUnlink),
  },
  'POST /api/communities/:cid/invitations': {
    summary: '邀请用户加入社区并设定角色（对方同意后生效）',
    access: { access: 'community', roles: SECRETARY, platformAdminToo: true },
    audit: audited(A.MemberInvite),
  },
  'GET /api/communities/:cid/invitations': {
    summary: '本社区发出的邀请',
    access: { access: 'community', roles: SECRETARY, platformAdminToo: true },
  },
  'POST /api/communities/:cid/invitations/:invitationId/cancel': {
    summary: '撤销尚未回复的邀请',
    access: { access: 'community', roles: SECRETARY, platformAdminToo: true },
    audit: audited(A.MemberInviteCancel),
  },
  'POST /api/communities/:cid/leave': {
    summary: '退出社区（服务记录与积分账本保留；家人关联随之解除）',
    access: { access: 'community', roles: MEMBER, pendingToo: true },
    audit: endsFamilyLinks,
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
    audit: audited(A.HouseholdsImport),
  },
  'PUT /api/buildings/:buildingId': {
    summary: '修改楼栋',
    access: { access: 'resource', resource: 'building', param: 'buildingId', roles: SECRETARY },
    audit: audited(A.BuildingUpdate),
  },
  'PUT /api/households/:householdId': {
    summary: '修改住户',
    access: { access: 'resource', resource: 'household', param: 'householdId', roles: SECRETARY },
    audit: audited(A.HouseholdUpdate),
  },
  'GET /api/me/points': { summary: '我的积分与服务时长（各社区）', access: { access: 'user' } },
  'GET /api/me/transfers': { summary: '我的积分明细（分页）', access: { access: 'user' } },
  'GET /api/communities/:cid/leaderboard': {
    summary: '积分排行榜（本月、本年、累计）',
    access: { access: 'community', roles: MEMBER },
  },
  'GET /api/communities/:cid/statements/:userId': {
    summary: '成员年度积分对账单（本人或社区书记）',
    access: { access: 'community', roles: MEMBER },
  },
  'POST /api/communities/:cid/adjustments': {
    summary: '人工调整积分（需 Idempotency-Key）',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.PointsAdjust),
  },
  'GET /api/communities/:cid/approvals': {
    summary: '待审批的积分',
    access: { access: 'community', roles: APPROVERS },
  },
  'POST /api/approvals/:transferId/approve': {
    summary: '审批通过（连同关联的积分）',
    access: { access: 'resource', resource: 'transfer', param: 'transferId', roles: APPROVERS },
    audit: audited(A.PointsApprove),
  },
  'POST /api/approvals/:transferId/reject': {
    summary: '审批不通过（需说明原因）',
    access: { access: 'resource', resource: 'transfer', param: 'transferId', roles: APPROVERS },
    audit: audited(A.PointsReject),
  },
  'POST /api/communities/:cid/approvals/batch': {
    summary: '批量审批',
    access: { access: 'community', roles: APPROVERS },
    audit: { actions: [A.PointsApprove, A.PointsReject], records: 'each' },
  },
  'POST /api/transfers/:transferId/reverse': {
    summary: '冲正一笔已入账的积分',
    access: { access: 'resource', resource: 'transfer', param: 'transferId', roles: SECRETARY },
    audit: audited(A.PointsReverse),
  },
  'GET /api/communities/:cid/ledger/verify': {
    summary: '校验积分账本（哈希链与余额）',
    access: { access: 'community', roles: SECRETARY },
  },
  'GET /api/communities/:cid/rewards': {
    summary: '兑换商品',
    access: { access: 'community', roles: MEMBER },
  },
  'POST /api/communities/:cid/rewards': {
    summary: '上架商品',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.RewardCreate),
  },
  'PUT /api/rewards/:rewardId': {
    summary: '修改商品（名称、积分、库存、上下架）',
    access: { access: 'resource', resource: 'reward', param: 'rewardId', roles: SECRETARY },
    audit: audited(A.RewardUpdate),
  },
  'POST /api/rewards/:rewardId/redeem': {
    summary: '兑换商品（需 Idempotency-Key）',
    access: { access: 'resource', resource: 'reward', param: 'rewardId', roles: MEMBER },
    audit: null,
  },
  'GET /api/me/redemptions': { summary: '我的兑换订单', access: { access: 'user' } },
  'GET /api/communities/:cid/redemptions': {
    summary: '兑换订单（服务站）',
    access: { access: 'community', roles: SECRETARY },
  },
  'POST /api/redemptions/:redemptionId/pickup': {
    summary: '确认领取',
    access: { access: 'resource', resource: 'redemption', param: 'redemptionId', roles: SECRETARY },
    audit: audited(A.RedemptionPickup),
  },
  'POST /api/redemptions/:redemptionId/cancel': {
    summary: '取消兑换并退回积分（本人待领取时，或社区书记）',
    access: { access: 'resource', resource: 'redemption', param: 'redemptionId', roles: MEMBER },
    audit: conditional(A.RedemptionCancel),
  },
  'POST /api/communities/:cid/activities': {
    summary: '发布志愿活动',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.ActivityCreate),
  },
  'GET /api/communities/:cid/activities': {
    summary: '活动列表（即将开始、进行中、已结束；按类别）',
    access: { access: 'community', roles: MEMBER },
  },
  'GET /api/activities/:activityId': {
    summary: '活动详情（含我的报名与签到）',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: MEMBER },
  },
  'PUT /api/activities/:activityId': {
    summary: '修改活动',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
    audit: audited(A.ActivityUpdate),
  },
  'POST /api/activities/:activityId/cancel': {
    summary: '取消活动',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
    audit: audited(A.ActivityCancel),
  },
  'POST /api/activities/:activityId/enrolment': {
    summary: '报名',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: VOLUNTEERS },
    audit: null,
  },
  'POST /api/activities/:activityId/enrolment/cancel': {
    summary: '取消报名',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: VOLUNTEERS },
    audit: null,
  },
  'GET /api/activities/:activityId/code': {
    summary: '当前签到码（滚动码或海报码）',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
  },
  'GET /api/activities/:activityId/wxacode': {
    summary: '签到用的微信小程序码（需配置微信 AppID）',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
  },
  'GET /api/activities/:activityId/attendances': {
    summary: '签到名单',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
  },
  'GET /api/activities/:activityId/attendances/export': {
    summary: '导出签到名单（XLSX，手机号打码）',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
    audit: audited(A.AttendanceExport),
  },
  'POST /api/activities/:activityId/proxy-checkins': {
    summary: '代签到、代签退',
    access: { access: 'resource', resource: 'activity', param: 'activityId', roles: SECRETARY },
    audit: audited(A.ProxyCheckin),
  },
  'POST /api/checkins': {
    summary: '扫码签到或签退（社区与角色由签到码确定）',
    access: { access: 'user' },
    audit: null,
  },
  'GET /api/me/attendances': { summary: '我的服务记录', access: { access: 'user' } },
  'POST /api/attendances/:attendanceId/corrections': {
    summary: '申请更正服务记录（本人）',
    access: { access: 'resource', resource: 'attendance', param: 'attendanceId', roles: VOLUNTEERS },
    audit: null,
  },
  'GET /api/communities/:cid/corrections': {
    summary: '服务记录更正申请',
    access: { access: 'community', roles: SECRETARY },
  },
  'POST /api/corrections/:correctionId/accept': {
    summary: '同意更正（账本记一笔更正）',
    access: { access: 'resource', resource: 'correction', param: 'correctionId', roles: SECRETARY },
    audit: audited(A.CorrectionAccept),
  },
  'POST /api/corrections/:correctionId/refuse': {
    summary: '不同意更正（需说明原因）',
    access: { access: 'resource', resource: 'correction', param: 'correctionId', roles: SECRETARY },
    audit: audited(A.CorrectionRefuse),
  },
  'POST /api/me/certificates': { summary: '开具志愿服务证明', access: { access: 'user' }, audit: null },
  'GET /api/certificates/:code': { summary: '查验志愿服务证明', access: { access: 'public' } },
  'GET /api/certificates/:code/pdf': {
    summary: '下载志愿服务证明（本人或社区书记）',
    access: { access: 'user' },
    audit: conditional(A.CertificateDownload),
  },
  'POST /api/uploads': { summary: '上传照片（JPG/PNG，5MB 以内）', access: { access: 'user' }, audit: null },
  'POST /api/uploads/voice': {
    summary: '上传语音留言（MP3，60 秒、1MB 以内）',
    access: { access: 'user' },
    audit: null,
  },
  'GET /api/uploads/:uploadId': { summary: '读取照片（带签名的链接）', access: { access: 'public' } },
  'GET /api/me/notifications': { summary: '我的消息', access: { access: 'user' } },
  'POST /api/me/notifications/read': { summary: '消息标为已读', access: { access: 'user' }, audit: null },
  'POST /api/communities/:cid/wishes': {
    summary: '发布微心愿（社区书记、关联的家人可代居民发布）',
    access: { access: 'community', roles: MEMBER },
    audit: conditional(A.WishPostOnBehalf, A.FamilyWishPost),
  },
  'GET /api/communities/:cid/wishes': {
    summary: '心愿墙；我发布的、我认领的、家人的；审核队列（书记）',
    access: { access: 'community', roles: MEMBER },
  },
  'GET /api/communities/:cid/wish-points': {
    summary: '各类心愿的积分',
    access: { access: 'community', roles: MEMBER },
  },
  'PUT /api/communities/:cid/wish-points': {
    summary: '设置各类心愿的积分',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.WishPointsUpdate),
  },
  'GET /api/wishes/:wishId': {
    summary: '心愿详情与进度',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: MEMBER },
  },
  'POST /api/wishes/:wishId/review': {
    summary: '审核心愿（发布或驳回）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: APPROVERS },
    audit: audited(A.WishPublish, A.WishReject),
  },
  'POST /api/wishes/:wishId/claim': {
    summary: '认领心愿',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: VOLUNTEERS },
    audit: null,
  },
  'POST /api/wishes/:wishId/release': {
    summary: '放弃认领',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: VOLUNTEERS },
    audit: null,
  },
  'POST /api/wishes/:wishId/dispatch': {
    summary: '社区派单',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: APPROVERS },
    audit: audited(A.WishDispatch),
  },
  'POST /api/wishes/:wishId/fulfil': {
    summary: '完成心愿（说明与照片）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: VOLUNTEERS },
    audit: null,
  },
  'POST /api/wishes/:wishId/confirm': {
    summary: '确认完成（居民本人，或书记、关联的家人代确认）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: MEMBER },
    audit: conditional(A.WishConfirmOnBehalf, A.FamilyWishConfirm),
  },
  'POST /api/wishes/:wishId/dispute': {
    summary: '对完成情况提出异议（居民本人或关联的家人）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: MEMBER },
    audit: conditional(A.FamilyWishDispute),
  },
  'POST /api/wishes/:wishId/cancel': {
    summary: '撤回心愿（居民本人或关联的家人）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: MEMBER },
    audit: conditional(A.FamilyWishCancel),
  },
  'GET /api/wishes/:wishId/letter': {
    summary: '感谢信（PDF）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: MEMBER },
    audit: conditional(A.ThankYouLetterDownload),
  },
  'GET /api/wishes/:wishId/voice': {
    summary: '收听心愿的语音说明（MP3；发布人及其家人、认领人、审核人）',
    access: { access: 'resource', resource: 'wish', param: 'wishId', roles: MEMBER },
  },
  'GET /api/communities/:cid/family-links': {
    summary: '我的家人：我的关联代码、我关联的家人、我代办的居民',
    access: { access: 'community', roles: MEMBER, pendingToo: true },
  },
  'POST /api/communities/:cid/family-codes': {
    summary: '生成关联家人的一次性代码（24 小时有效，旧代码作废）',
    access: { access: 'community', roles: MEMBER },
    audit: null,
  },
  'POST /api/family-links': {
    summary: '输入家人给的代码，成为其家人（尚未加入社区的同时申请加入）',
    access: { access: 'user' },
    audit: audited(A.FamilyLink),
  },
  'POST /api/family-links/:linkId/remove': {
    summary: '解除家人关联（居民本人或这位家人）',
    access: { access: 'resource', resource: 'family_link', param: 'linkId', roles: MEMBER },
    audit: audited(A.FamilyUnlink),
  },
  'POST /api/communities/:cid/contact-groups': {
    summary: '组建包户小组',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.ContactGroupCreate),
  },
  'GET /api/communities/:cid/contact-settings': {
    summary: '包户设置（每组人数上限、逾期天数）',
    access: { access: 'community', roles: ORGANISATION_READERS },
  },
  'PUT /api/communities/:cid/contact-settings': {
    summary: '修改包户设置',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.ContactSettingsUpdate),
  },
  'GET /api/communities/:cid/contact-groups': {
    summary: '包户小组',
    access: { access: 'community', roles: ORGANISATION_READERS },
  },
  'PUT /api/contact-groups/:groupId': {
    summary: '修改小组（名称、成员、组长、小区）',
    access: { access: 'resource', resource: 'contact_group', param: 'groupId', roles: SECRETARY },
    audit: audited(A.ContactGroupUpdate),
  },
  'POST /api/contact-groups/:groupId/dissolve': {
    summary: '解散小组（包户结束，记录保留）',
    access: { access: 'resource', resource: 'contact_group', param: 'groupId', roles: SECRETARY },
    audit: audited(A.ContactGroupDissolve),
  },
  'POST /api/contact-groups/:groupId/assignments': {
    summary: '分配楼栋楼层或住户',
    access: { access: 'resource', resource: 'contact_group', param: 'groupId', roles: SECRETARY },
    audit: audited(A.HouseholdsAssign),
  },
  'POST /api/contact-groups/:groupId/assignments/release': {
    summary: '收回住户（包户记录保留）',
    access: { access: 'resource', resource: 'contact_group', param: 'groupId', roles: SECRETARY },
    audit: audited(A.HouseholdsRelease),
  },
  'GET /api/buildings/:buildingId/assignments': {
    summary: '楼栋各楼层住户与包户小组',
    access: { access: 'resource', resource: 'building', param: 'buildingId', roles: ORGANISATION_READERS },
  },
  'GET /api/communities/:cid/coverage': {
    summary: '走访覆盖（按小组、楼栋、月份）',
    access: { access: 'community', roles: APPROVERS },
  },
  'GET /api/me/households': { summary: '我的包户', access: { access: 'user' } },
  'GET /api/households/:householdId': {
    summary: '住户卡片与走访记录（书记、本小区支书、包户小组）',
    access: {
      access: 'resource',
      resource: 'household',
      param: 'householdId',
      roles: [Role.Secretary, Role.BranchSecretary, Role.PartyMember],
    },
    audit: conditional(A.HouseholdCardView),
  },
  'POST /api/households/:householdId/visits': {
    summary: '登记走访（包户小组成员）',
    access: { access: 'resource', resource: 'household', param: 'householdId', roles: PARTY_MEMBERS },
    audit: null,
  },
  'GET /api/communities/:cid/my-contact-member': {
    summary: '我的包户党员（住户所在住户的包户小组组长）',
    access: { access: 'community', roles: MEMBER },
  },
  'POST /api/communities/:cid/my-contact-member/call-me': {
    summary: '请包户党员联系我（通知组长）',
    access: { access: 'community', roles: MEMBER },
    audit: null,
  },
  'PUT /api/communities/:cid/me/contact-phone': {
    summary: '包户党员：是否让所包住户看到我的电话',
    access: { access: 'community', roles: PARTY_MEMBERS },
    audit: null,
  },
  'POST /api/communities/:cid/demands': {
    summary: '居民提出诉求',
    access: { access: 'community', roles: MEMBER },
    audit: null,
  },
  'GET /api/communities/:cid/demands': {
    summary: '诉求（支部的队列，或我的）',
    access: { access: 'community', roles: MEMBER },
  },
  'POST /api/demands/:demandId/transition': {
    summary: '受理、办理、办结、驳回、指派诉求',
    access: { access: 'resource', resource: 'demand', param: 'demandId', roles: MEMBER },
    audit: conditional(A.DemandRoute),
  },
  'POST /api/demands/:demandId/wish': {
    summary: '诉求转为微心愿',
    access: { access: 'resource', resource: 'demand', param: 'demandId', roles: APPROVERS },
    audit: audited(A.DemandToWish),
  },
  'POST /api/communities/:cid/resources': {
    summary: '资源单：登记可提供的技能、时间、资金、物资',
    access: { access: 'community', roles: PARTY_MEMBERS },
    audit: null,
  },
  'GET /api/communities/:cid/resources': {
    summary: '资源单',
    access: { access: 'community', roles: MEMBER },
  },
  'GET /api/communities/:cid/demand-list': {
    summary: '需求单（按类别与小区汇总）',
    access: { access: 'community', roles: MEMBER },
  },
  'POST /api/communities/:cid/service-projects': {
    summary: '项目单：建立服务项目',
    access: { access: 'community', roles: APPROVERS },
    audit: audited(A.ServiceProjectCreate),
  },
  'GET /api/communities/:cid/service-projects': {
    summary: '项目单',
    access: { access: 'community', roles: MEMBER },
  },
  'POST /api/service-projects/:projectId/take': {
    summary: '党员接单',
    access: { access: 'resource', resource: 'service_project', param: 'projectId', roles: PARTY_MEMBERS },
    audit: null,
  },
  'POST /api/service-projects/:projectId/done': {
    summary: '项目完成（接单人或书记）',
    access: { access: 'resource', resource: 'service_project', param: 'projectId', roles: MEMBER },
    audit: conditional(A.ServiceProjectDone),
  },
  'PUT /api/communities/:cid/evaluations/:userId': {
    summary: '三级评价（组长、支部、社区）',
    access: { access: 'community', roles: [Role.GroupLeader, Role.BranchSecretary, Role.Secretary] },
    audit: audited(A.EvaluationRate),
  },
  'GET /api/communities/:cid/evaluations': {
    summary: '年度评价：我可评价的党员及已给的评价',
    access: { access: 'community', roles: [Role.GroupLeader, Role.BranchSecretary, Role.Secretary] },
  },
  'GET /api/communities/:cid/reports/annual': {
    summary: '在职党员年度服务情况',
    access: { access: 'community', roles: SECRETARY },
  },
  'GET /api/communities/:cid/reports/annual/export': {
    summary: '年度服务情况导出（XLSX，每个原单位一张表）',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.AnnualReportExport),
  },
  'GET /api/communities/:cid/audit-log': {
    summary: '审计日志（按动作、操作人、日期筛选）',
    access: { access: 'community', roles: SECRETARY },
  },
  'GET /api/communities/:cid/audit-log/export': {
    summary: '导出审计日志（XLSX）',
    access: { access: 'community', roles: SECRETARY },
    audit: audited(A.AuditLogExport),
  },
} as const satisfies Record<string, RoutePolicy>;

export type RouteKey = keyof typeof ROUTE_POLICIES;

/** The policy of a route; HEAD is GET without the body (Fastify serves it for every GET route). */
export function policyFor(method: string, path: string): RoutePolicy | undefined {
  const asked = method.toUpperCase();
  const served = asked === 'HEAD' ? 'GET' : asked;
  return (ROUTE_POLICIES as Record<string, RoutePolicy>)[`${served} ${path}`];
}
