import { Role, ROLE_LABELS } from './roles';
import type { ResourceKind } from './resource-kind';

/**
 * 审计日志: every action a secretary, branch secretary, group leader (as a rater) or platform admin takes on
 * others' records, every family link and unlink and every act of a family member for a resident, and every
 * download of personal data. The route table names the actions each route may
 * record (`RoutePolicy.audit`).
 */
export enum AuditAction {
  CommunityCreate = 'community.create',
  InviteCodeRotate = 'community.invite_code_rotate',
  ContactSettingsUpdate = 'community.contact_settings',
  WishPointsUpdate = 'community.wish_points',
  MemberRolesSet = 'member.roles_set',
  MemberVerify = 'member.verify',
  MemberInvite = 'member.invite',
  MemberInviteCancel = 'member.invite_cancel',
  MemberRemove = 'member.remove',
  MemberListView = 'member.list_full_phones',
  HouseholdsImport = 'organisation.households_import',
  BuildingUpdate = 'organisation.building_update',
  HouseholdUpdate = 'organisation.household_update',
  HouseholdCardView = 'household.card_full_phone',
  PointsAdjust = 'points.adjust',
  PointsApprove = 'points.approve',
  PointsReject = 'points.reject',
  PointsReverse = 'points.reverse',
  RewardCreate = 'reward.create',
  RewardUpdate = 'reward.update',
  RedemptionPickup = 'redemption.pickup',
  RedemptionCancel = 'redemption.cancel',
  ActivityCreate = 'activity.create',
  ActivityUpdate = 'activity.update',
  ActivityCancel = 'activity.cancel',
  ProxyCheckin = 'activity.proxy_checkin',
  AttendanceExport = 'export.attendance',
  CorrectionAccept = 'correction.accept',
  CorrectionRefuse = 'correction.refuse',
  CertificateDownload = 'export.certificate',
  WishPostOnBehalf = 'wish.post_on_behalf',
  WishPublish = 'wish.publish',
  WishReject = 'wish.reject',
  WishDispatch = 'wish.dispatch',
  WishConfirmOnBehalf = 'wish.confirm_on_behalf',
  ThankYouLetterDownload = 'export.thank_you_letter',
  ContactGroupCreate = 'contact_group.create',
  ContactGroupUpdate = 'contact_group.update',
  ContactGroupDissolve = 'contact_group.dissolve',
  HouseholdsAssign = 'contact_group.assign',
  HouseholdsRelease = 'contact_group.release',
  DemandRoute = 'demand.route',
  DemandToWish = 'demand.to_wish',
  ServiceProjectCreate = 'service_project.create',
  ServiceProjectDone = 'service_project.done',
  EvaluationRate = 'evaluation.rate',
  AnnualReportExport = 'export.annual_report',
  AuditLogExport = 'export.audit_log',
  FamilyLink = 'family.link',
  FamilyUnlink = 'family.unlink',
  FamilyWishPost = 'family.wish_post',
  FamilyWishConfirm = 'family.wish_confirm',
  FamilyWishDispute = 'family.wish_dispute',
  FamilyWishCancel = 'family.wish_cancel',
}

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  [AuditAction.CommunityCreate]: '创建社区',
  [AuditAction.InviteCodeRotate]: '更换邀请码',
  [AuditAction.ContactSettingsUpdate]: '修改包户设置',
  [AuditAction.WishPointsUpdate]: '设置心愿积分',
  [AuditAction.MemberRolesSet]: '设置成员角色',
  [AuditAction.MemberVerify]: '审核通过成员',
  [AuditAction.MemberInvite]: '邀请加入社区',
  [AuditAction.MemberInviteCancel]: '撤销邀请',
  [AuditAction.MemberRemove]: '移除成员',
  [AuditAction.MemberListView]: '查看成员名单（完整手机号）',
  [AuditAction.HouseholdsImport]: '导入住户',
  [AuditAction.BuildingUpdate]: '修改楼栋',
  [AuditAction.HouseholdUpdate]: '修改住户',
  [AuditAction.HouseholdCardView]: '查看住户卡片（完整电话）',
  [AuditAction.PointsAdjust]: '人工调整积分',
  [AuditAction.PointsApprove]: '积分审批通过',
  [AuditAction.PointsReject]: '积分审批不通过',
  [AuditAction.PointsReverse]: '冲正积分',
  [AuditAction.RewardCreate]: '上架商品',
  [AuditAction.RewardUpdate]: '修改商品',
  [AuditAction.RedemptionPickup]: '确认领取',
  [AuditAction.RedemptionCancel]: '取消兑换',
  [AuditAction.ActivityCreate]: '发布活动',
  [AuditAction.ActivityUpdate]: '修改活动',
  [AuditAction.ActivityCancel]: '取消活动',
  [AuditAction.ProxyCheckin]: '代签到、代签退',
  [AuditAction.AttendanceExport]: '导出签到名单',
  [AuditAction.CorrectionAccept]: '同意更正服务记录',
  [AuditAction.CorrectionRefuse]: '不同意更正服务记录',
  [AuditAction.CertificateDownload]: '下载志愿服务证明',
  [AuditAction.WishPostOnBehalf]: '代居民发布心愿',
  [AuditAction.WishPublish]: '审核发布心愿',
  [AuditAction.WishReject]: '驳回心愿',
  [AuditAction.WishDispatch]: '心愿派单',
  [AuditAction.WishConfirmOnBehalf]: '代居民确认心愿',
  [AuditAction.ThankYouLetterDownload]: '下载感谢信',
  [AuditAction.ContactGroupCreate]: '组建包户小组',
  [AuditAction.ContactGroupUpdate]: '修改包户小组',
  [AuditAction.ContactGroupDissolve]: '解散包户小组',
  [AuditAction.HouseholdsAssign]: '分配包户',
  [AuditAction.HouseholdsRelease]: '收回包户',
  [AuditAction.DemandRoute]: '处理诉求',
  [AuditAction.DemandToWish]: '诉求转为心愿',
  [AuditAction.ServiceProjectCreate]: '建立服务项目',
  [AuditAction.ServiceProjectDone]: '服务项目完成',
  [AuditAction.EvaluationRate]: '三级评价',
  [AuditAction.AnnualReportExport]: '导出年度服务情况',
  [AuditAction.AuditLogExport]: '导出审计日志',
  [AuditAction.FamilyLink]: '关联家人',
  [AuditAction.FamilyUnlink]: '解除家人关联',
  [AuditAction.FamilyWishPost]: '家人代发心愿',
  [AuditAction.FamilyWishConfirm]: '家人代确认心愿',
  [AuditAction.FamilyWishDispute]: '家人对心愿提出异议',
  [AuditAction.FamilyWishCancel]: '家人代撤回心愿',
};

/** What an entry is about: a child resource of the route table, or one of these; `targetId` is its id. */
export type AuditTargetType = ResourceKind | 'community' | 'member' | 'certificate' | 'report';

export const AUDIT_TARGET_LABELS: Record<AuditTargetType, string> = {
  community: '社区',
  member: '成员',
  building: '楼栋',
  household: '住户',
  transfer: '积分记录',
  reward: '商品',
  redemption: '兑换订单',
  activity: '活动',
  attendance: '签到记录',
  correction: '更正申请',
  certificate: '志愿服务证明',
  wish: '心愿',
  contact_group: '包户小组',
  demand: '诉求',
  service_project: '服务项目',
  report: '报表',
  family_link: '家人关联',
};

/**
 * How many entries a successful call of a route writes:
 * - `one`: exactly one;
 * - `each`: one for every item it changed (a batch; none when every item failed);
 * - `conditional`: one when the caller used a secretary's powers on someone else's record (代发, 代确认, a
 *   secretary cancelling a member's order) or was shown personal data in full, none when they acted for themselves.
 */
export type AuditRecords = 'one' | 'each' | 'conditional';

export interface RouteAudit {
  /** The actions the route may record; the first is recorded when the use case names none. */
  actions: readonly AuditAction[];
  records?: AuditRecords;
}

/** The role an entry's actor acted as: `family` for a family member acting for a resident (家人代办). */
export type AuditActorRole = Role | 'platform_admin' | 'family';

export interface AuditEntryView {
  id: string;
  /** Position in the community's chain of entries, from 1. */
  sequence: number;
  at: string;
  actorId: string;
  /**
   * The actor's name in the community when they acted (real name, else nickname), kept after their account is
   * deleted; `非本社区成员` for someone who was not a member (the platform admin).
   */
  actorName: string;
  actorRole: AuditActorRole;
  actorRoleLabel: string;
  action: AuditAction;
  actionLabel: string;
  targetType: AuditTargetType;
  targetId: string;
  /**
   * The member the action concerns, if any, and their name in the community as it is now (已注销用户 once
   * deleted; `非本社区成员` for someone who never joined, such as an invitee who has not accepted).
   */
  subjectId: string | null;
  subjectName: string | null;
  summary: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogQuery {
  action?: AuditAction;
  actorId?: string;
  /** Days in the product's clock zone, `YYYY-MM-DD`, both included. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export const AUDIT_ACTOR_ROLE_LABELS: Record<AuditActorRole, string> = {
  ...ROLE_LABELS,
  platform_admin: '平台管理员',
  family: '居民家人',
};
