import { randomBytes } from 'node:crypto';
import { AccessWorld } from './access-fixtures';
import { LoggedIn } from './fixtures';

/**
 * How the matrix calls a route: its path filled with a real record of the world, and a body. Routes that only
 * change something are mostly sent an incomplete body: the guard answers before validation, so a caller it lets
 * in gets 400 and nothing changes. `own` is the same route on the caller's own record, for `own` cells.
 */
export interface Probe {
  path: string;
  body?: unknown;
  headers?: () => Record<string, string>;
  own?: (caller: LoggedIn) => Omit<Probe, 'own'>;
  /** Called with a second login of the caller, so that ending it (退出登录) leaves their main login alone. */
  secondLogin?: boolean;
  /**
   * Called after every other route, in this order: it ends the caller's membership (退出社区, 1) or all their
   * logins (退出所有设备, 2).
   */
  last?: 1 | 2;
}

const idempotent = () => ({ 'idempotency-key': `matrix-${randomBytes(6).toString('hex')}` });

export function accessProbes(w: AccessWorld): Record<string, Probe> {
  const c = `/api/communities/${w.cid}`;
  const year = new Date().getFullYear();
  return {
    'GET /healthz': { path: '/healthz' },
    'POST /api/auth/wechat': { path: '/api/auth/wechat', body: {} },
    'POST /api/auth/dev-login': { path: '/api/auth/dev-login', body: {} },
    'GET /api/auth/options': { path: '/api/auth/options' },
    'POST /api/auth/logout': { path: '/api/auth/logout', secondLogin: true },
    'POST /api/auth/logout-all': { path: '/api/auth/logout-all', last: 2 },
    'GET /api/privacy': { path: '/api/privacy' },
    'GET /api/me': { path: '/api/me' },
    'POST /api/me/privacy-consent': { path: '/api/me/privacy-consent', body: {} },
    'PUT /api/me/settings': { path: '/api/me/settings', body: {} },
    'GET /api/me/export': { path: '/api/me/export' },
    // Without the confirmation nothing is deleted (DELETION_NOT_CONFIRMED).
    'DELETE /api/me': { path: '/api/me', body: {} },
    'GET /api/me/invitations': { path: '/api/me/invitations' },
    'POST /api/invitations/:invitationId/accept': {
      path: `/api/invitations/${w.invitations.others.id}/accept`,
      own: (caller) => ({ path: `/api/invitations/${w.invitations.toAccept.get(caller.userId)}/accept` }),
    },
    'POST /api/invitations/:invitationId/decline': {
      path: `/api/invitations/${w.invitations.others.id}/decline`,
      own: (caller) => ({ path: `/api/invitations/${w.invitations.toDecline.get(caller.userId)}/decline` }),
    },
    'GET /api/invites/:code': { path: `/api/invites/${w.inviteCode}` },
    'POST /api/communities': { path: '/api/communities', body: {} },
    'GET /api/communities/:cid': { path: c },
    'POST /api/communities/:cid/join': { path: `${c}/join`, body: {} },
    'POST /api/communities/:cid/invite-code/rotate': { path: `${c}/invite-code/rotate` },
    'GET /api/communities/:cid/members': { path: `${c}/members` },
    'POST /api/communities/:cid/members': { path: `${c}/members`, body: {} },
    'POST /api/communities/:cid/members/:userId/verify': {
      path: `${c}/members/${w.pendingMember.userId}/verify`,
    },
    'POST /api/communities/:cid/members/:userId/remove': {
      path: `${c}/members/${w.callers.volunteer!.userId}/remove`,
      body: {},
    },
    'POST /api/communities/:cid/invitations': { path: `${c}/invitations`, body: {} },
    'GET /api/communities/:cid/invitations': { path: `${c}/invitations` },
    // The first caller let in cancels it; the next finds it cancelled already (409).
    'POST /api/communities/:cid/invitations/:invitationId/cancel': {
      path: `${c}/invitations/${w.invitations.toCancel.id}/cancel`,
    },
    'POST /api/communities/:cid/leave': { path: `${c}/leave`, last: 1 },
    'GET /api/communities/:cid/employers': { path: `${c}/employers` },
    'GET /api/communities/:cid/compounds': { path: `${c}/compounds` },
    'GET /api/communities/:cid/buildings': { path: `${c}/buildings` },
    'GET /api/communities/:cid/households': { path: `${c}/households` },
    'POST /api/communities/:cid/households/import': { path: `${c}/households/import`, body: {} },
    'PUT /api/buildings/:buildingId': { path: `/api/buildings/${w.building.id}`, body: {} },
    'PUT /api/households/:householdId': { path: `/api/households/${w.otherHousehold.id}`, body: {} },
    'GET /api/me/points': { path: '/api/me/points' },
    'GET /api/me/transfers': { path: '/api/me/transfers' },
    'GET /api/communities/:cid/leaderboard': { path: `${c}/leaderboard` },
    'GET /api/communities/:cid/statements/:userId': {
      path: `${c}/statements/${w.callers.volunteer!.userId}?year=${year}`,
      own: (caller) => ({ path: `${c}/statements/${caller.userId}?year=${year}` }),
    },
    'POST /api/communities/:cid/adjustments': { path: `${c}/adjustments`, body: {}, headers: idempotent },
    'GET /api/communities/:cid/approvals': { path: `${c}/approvals` },
    'POST /api/approvals/:transferId/approve': { path: `/api/approvals/${w.toApprove.id}/approve` },
    'POST /api/approvals/:transferId/reject': {
      path: `/api/approvals/${w.toReject.id}/reject`,
      body: { reason: '不符合' },
    },
    'POST /api/communities/:cid/approvals/batch': { path: `${c}/approvals/batch`, body: {} },
    'POST /api/transfers/:transferId/reverse': {
      path: `/api/transfers/${w.toReverse.id}/reverse`,
      body: { reason: '录错' },
    },
    'GET /api/communities/:cid/ledger/verify': { path: `${c}/ledger/verify` },
    'GET /api/communities/:cid/rewards': { path: `${c}/rewards` },
    'POST /api/communities/:cid/rewards': { path: `${c}/rewards`, body: {} },
    'PUT /api/rewards/:rewardId': { path: `/api/rewards/${w.reward.id}`, body: {} },
    'POST /api/rewards/:rewardId/redeem': {
      path: `/api/rewards/${w.reward.id}/redeem`,
      body: { quantity: 1 },
      headers: idempotent,
    },
    'GET /api/me/redemptions': { path: '/api/me/redemptions' },
    'GET /api/communities/:cid/redemptions': { path: `${c}/redemptions` },
    'POST /api/redemptions/:redemptionId/pickup': { path: `/api/redemptions/${w.toPickUp.id}/pickup` },
    'POST /api/redemptions/:redemptionId/cancel': {
      path: `/api/redemptions/${w.toCancel.id}/cancel`,
      body: {},
    },
    'POST /api/communities/:cid/activities': { path: `${c}/activities`, body: {} },
    'GET /api/communities/:cid/activities': { path: `${c}/activities` },
    'GET /api/activities/:activityId': { path: `/api/activities/${w.main.id}` },
    'PUT /api/activities/:activityId': { path: `/api/activities/${w.main.id}`, body: {} },
    'POST /api/activities/:activityId/cancel': {
      path: `/api/activities/${w.toCancelActivity.id}/cancel`,
      body: { reason: '下雨' },
    },
    'POST /api/activities/:activityId/enrolment': { path: `/api/activities/${w.main.id}/enrolment` },
    'POST /api/activities/:activityId/enrolment/cancel': {
      path: `/api/activities/${w.main.id}/enrolment/cancel`,
    },
    'GET /api/activities/:activityId/code': { path: `/api/activities/${w.main.id}/code` },
    'GET /api/activities/:activityId/wxacode': { path: `/api/activities/${w.main.id}/wxacode` },
    'GET /api/activities/:activityId/attendances': { path: `/api/activities/${w.main.id}/attendances` },
    'GET /api/activities/:activityId/attendances/export': {
      path: `/api/activities/${w.main.id}/attendances/export`,
    },
    'POST /api/activities/:activityId/proxy-checkins': {
      path: `/api/activities/${w.main.id}/proxy-checkins`,
      body: {},
    },
    'POST /api/checkins': { path: '/api/checkins', body: {} },
    'GET /api/me/attendances': { path: '/api/me/attendances' },
    'POST /api/attendances/:attendanceId/corrections': {
      path: `/api/attendances/${w.attendance.id}/corrections`,
      body: { minutes: 45, reason: '签退晚了' },
    },
    'GET /api/communities/:cid/corrections': { path: `${c}/corrections` },
    'POST /api/corrections/:correctionId/accept': {
      path: `/api/corrections/${w.toAccept.id}/accept`,
      body: { reason: '已核实' },
    },
    'POST /api/corrections/:correctionId/refuse': {
      path: `/api/corrections/${w.toRefuse.id}/refuse`,
      body: { reason: '与记录相符' },
    },
    'POST /api/me/certificates': { path: '/api/me/certificates', body: {} },
    'GET /api/certificates/:code': { path: `/api/certificates/${w.certificate.code}` },
    'GET /api/certificates/:code/pdf': { path: w.certificate.pdfUrl },
    'POST /api/uploads': { path: '/api/uploads', body: {} },
    'POST /api/uploads/voice': { path: '/api/uploads/voice', body: {} },
    'GET /api/uploads/:uploadId': { path: w.upload.url },
    'GET /api/me/notifications': { path: '/api/me/notifications' },
    'POST /api/me/notifications/read': { path: '/api/me/notifications/read', body: {} },
    'POST /api/communities/:cid/wishes': { path: `${c}/wishes`, body: {} },
    'GET /api/communities/:cid/wishes': { path: `${c}/wishes` },
    'GET /api/communities/:cid/wish-points': { path: `${c}/wish-points` },
    'PUT /api/communities/:cid/wish-points': { path: `${c}/wish-points`, body: {} },
    'GET /api/wishes/:wishId': { path: `/api/wishes/${w.wishes.toRead.id}` },
    'POST /api/wishes/:wishId/review': {
      path: `/api/wishes/${w.wishes.toReview.id}/review`,
      body: { action: 'publish' },
    },
    'POST /api/wishes/:wishId/claim': { path: `/api/wishes/${w.wishes.toClaim.id}/claim`, body: {} },
    'POST /api/wishes/:wishId/release': { path: `/api/wishes/${w.wishes.toRelease.id}/release`, body: {} },
    'POST /api/wishes/:wishId/dispatch': {
      path: `/api/wishes/${w.wishes.toDispatch.id}/dispatch`,
      body: { userId: w.callers.partyMember!.userId },
    },
    'POST /api/wishes/:wishId/fulfil': {
      path: `/api/wishes/${w.wishes.toFulfil.id}/fulfil`,
      body: { note: '已完成' },
    },
    'POST /api/wishes/:wishId/confirm': { path: `/api/wishes/${w.wishes.toConfirm.id}/confirm`, body: {} },
    'POST /api/wishes/:wishId/dispute': {
      path: `/api/wishes/${w.wishes.toDispute.id}/dispute`,
      body: { reason: '还没修好' },
    },
    'POST /api/wishes/:wishId/cancel': { path: `/api/wishes/${w.wishes.toCancel.id}/cancel`, body: {} },
    'GET /api/wishes/:wishId/letter': { path: `/api/wishes/${w.wishes.withLetter.id}/letter` },
    'GET /api/wishes/:wishId/voice': { path: `/api/wishes/${w.wishes.withVoice.id}/voice` },
    'GET /api/communities/:cid/family-links': { path: `${c}/family-links` },
    'POST /api/communities/:cid/family-codes': { path: `${c}/family-codes` },
    'POST /api/family-links': { path: '/api/family-links', body: {} },
    'POST /api/family-links/:linkId/remove': {
      path: `/api/family-links/${w.familyLinks.toRemove}/remove`,
      own: (caller) => ({ path: `/api/family-links/${w.familyLinks.own.get(caller.userId)}/remove` }),
    },
    'POST /api/communities/:cid/contact-groups': { path: `${c}/contact-groups`, body: {} },
    'GET /api/communities/:cid/contact-settings': { path: `${c}/contact-settings` },
    'PUT /api/communities/:cid/contact-settings': { path: `${c}/contact-settings`, body: {} },
    'GET /api/communities/:cid/contact-groups': { path: `${c}/contact-groups` },
    'PUT /api/contact-groups/:groupId': { path: `/api/contact-groups/${w.spareGroup.id}`, body: {} },
    'POST /api/contact-groups/:groupId/dissolve': {
      path: `/api/contact-groups/${w.groupToDissolve.id}/dissolve`,
    },
    'POST /api/contact-groups/:groupId/assignments': {
      path: `/api/contact-groups/${w.spareGroup.id}/assignments`,
      body: { householdIds: [w.freeHousehold.id] },
    },
    'POST /api/contact-groups/:groupId/assignments/release': {
      path: `/api/contact-groups/${w.spareGroup.id}/assignments/release`,
      body: { householdIds: [w.freeHousehold.id] },
    },
    'GET /api/buildings/:buildingId/assignments': { path: `/api/buildings/${w.building.id}/assignments` },
    'GET /api/communities/:cid/coverage': { path: `${c}/coverage` },
    'GET /api/me/households': { path: '/api/me/households' },
    'GET /api/households/:householdId': { path: `/api/households/${w.household.id}` },
    'POST /api/households/:householdId/visits': {
      path: `/api/households/${w.household.id}/visits`,
      body: { visitedAt: new Date().toISOString() },
    },
    'GET /api/communities/:cid/my-contact-member': { path: `${c}/my-contact-member` },
    // Callers without a household or group get 409 NO_CONTACT_MEMBER: let in, told nobody is there.
    'POST /api/communities/:cid/my-contact-member/call-me': { path: `${c}/my-contact-member/call-me` },
    'PUT /api/communities/:cid/me/contact-phone': { path: `${c}/me/contact-phone`, body: {} },
    'POST /api/communities/:cid/demands': { path: `${c}/demands`, body: {} },
    'GET /api/communities/:cid/demands': {
      path: `${c}/demands`,
      own: () => ({ path: `${c}/demands?mine=raised` }),
    },
    'POST /api/demands/:demandId/transition': {
      path: `/api/demands/${w.demands.toRoute.id}/transition`,
      body: { action: 'accept' },
    },
    'POST /api/demands/:demandId/wish': { path: `/api/demands/${w.demands.toWish.id}/wish` },
    'POST /api/communities/:cid/resources': { path: `${c}/resources`, body: {} },
    'GET /api/communities/:cid/resources': { path: `${c}/resources` },
    'GET /api/communities/:cid/demand-list': { path: `${c}/demand-list` },
    'POST /api/communities/:cid/service-projects': { path: `${c}/service-projects`, body: {} },
    'GET /api/communities/:cid/service-projects': { path: `${c}/service-projects` },
    'POST /api/service-projects/:projectId/take': {
      path: `/api/service-projects/${w.projects.toTake.id}/take`,
    },
    'POST /api/service-projects/:projectId/done': {
      path: `/api/service-projects/${w.projects.toFinish.id}/done`,
    },
    'PUT /api/communities/:cid/evaluations/:userId': {
      path: `${c}/evaluations/${w.groupMate.userId}`,
      body: { year, level: 'community', grade: 'good' },
    },
    'GET /api/communities/:cid/evaluations': { path: `${c}/evaluations?year=${year}` },
    'GET /api/communities/:cid/reports/annual': { path: `${c}/reports/annual?year=${year}` },
    'GET /api/communities/:cid/reports/annual/export': { path: `${c}/reports/annual/export?year=${year}` },
    'GET /api/communities/:cid/audit-log': { path: `${c}/audit-log` },
    'GET /api/communities/:cid/audit-log/export': { path: `${c}/audit-log/export` },
  };
}
