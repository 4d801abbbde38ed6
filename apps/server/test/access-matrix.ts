import { CALLERS, Caller } from './access-fixtures';

/**
 * What each caller gets from each route, written from DESIGN §1 and the product rules, not from the route table
 * the guard reads: `ok` (let in; the answer may still be a validation or state error), `own` (the route lets
 * the caller's role in, but only for their own or assigned records — own order, own wish, own compound, own
 * group — and the record probed is someone else's: 403 or 404), or the status of the refusal: 401 without a
 * login, 403 outside the community in the path or without the role, 404 for an id of a community the caller
 * is not in.
 *
 * Every route the server serves has a row; a new route gets its row here and its probe in access-probes.ts.
 */
export type Expected = 'ok' | 'own' | 401 | 403 | 404;

//                                  anon  resident family volunteer party leader otherBranch otherSec secretary admin
const PUBLIC /*               */ =
  'ok    ok       ok     ok        ok    ok     ok          ok       ok        ok';
const USER /*                 */ =
  '401   ok       ok     ok        ok    ok     ok          ok       ok        ok';
const MEMBER /*               */ =
  '401   ok       ok     ok        ok    ok     ok          403      ok        403';
const SECRETARY /*            */ =
  '401   403      403    403       403   403    403         403      ok        403';
const SECRETARY_RECORD /*     */ =
  '401   403      403    403       403   403    403         404      ok        404';
const APPROVER /*             */ =
  '401   403      403    403       403   403    ok          403      ok        403';
const APPROVER_RECORD /*      */ =
  '401   403      403    403       403   403    own         404      ok        404';
const ORGANISATION /*         */ =
  '401   403      403    403       403   ok     ok          403      ok        403';
const MEMBER_RECORD /*        */ =
  '401   ok       ok     ok        ok    ok     ok          404      ok        404';
const VOLUNTEER_RECORD /*     */ =
  '401   403      403    ok        ok    ok     403         404      403       404';

const ROWS: Record<string, string> = {
  'GET /healthz': PUBLIC,
  'POST /api/auth/wechat': PUBLIC,
  'POST /api/auth/dev-login': PUBLIC,
  'GET /api/auth/options': PUBLIC,
  'POST /api/auth/logout': USER,
  'POST /api/auth/logout-all': USER,
  'GET /api/privacy': PUBLIC,
  'GET /api/me': USER,
  'POST /api/me/privacy-consent': USER,
  'PUT /api/me/settings': USER,
  'GET /api/me/export': USER,
  'DELETE /api/me': USER,
  'GET /api/me/invitations': USER,
  // An invitation to someone else: only the person invited answers it (each caller answers their own).
  'POST /api/invitations/:invitationId/accept': '401 own own own own own own own own own',
  'POST /api/invitations/:invitationId/decline': '401 own own own own own own own own own',
  'GET /api/invites/:code': USER,
  'POST /api/communities': '401 403 403 403 403 403 403 403 403 ok',
  'GET /api/communities/:cid': MEMBER,
  'POST /api/communities/:cid/join': USER,
  'POST /api/communities/:cid/invite-code/rotate': SECRETARY,
  'GET /api/communities/:cid/members': APPROVER,
  'POST /api/communities/:cid/members': '401 403 403 403 403 403 403 403 ok ok',
  'POST /api/communities/:cid/members/:userId/verify': SECRETARY,
  'POST /api/communities/:cid/members/:userId/remove': SECRETARY,
  'POST /api/communities/:cid/invitations': '401 403 403 403 403 403 403 403 ok ok',
  'GET /api/communities/:cid/invitations': '401 403 403 403 403 403 403 403 ok ok',
  'POST /api/communities/:cid/invitations/:invitationId/cancel': '401 403 403 403 403 403 403 403 ok ok',
  'POST /api/communities/:cid/leave': MEMBER,
  'GET /api/communities/:cid/employers': SECRETARY,
  'GET /api/communities/:cid/compounds': MEMBER,
  'GET /api/communities/:cid/buildings': ORGANISATION,
  'GET /api/communities/:cid/households': ORGANISATION,
  'POST /api/communities/:cid/households/import': SECRETARY,
  'PUT /api/buildings/:buildingId': SECRETARY_RECORD,
  'PUT /api/households/:householdId': SECRETARY_RECORD,
  'GET /api/me/points': USER,
  'GET /api/me/transfers': USER,
  'GET /api/communities/:cid/leaderboard': MEMBER,
  // The volunteer's statement: the volunteer and the secretary; everyone else only their own.
  'GET /api/communities/:cid/statements/:userId': '401 own own ok own own own 403 ok 403',
  'POST /api/communities/:cid/adjustments': SECRETARY,
  'GET /api/communities/:cid/approvals': APPROVER,
  // The volunteer lives in 甲区: 乙区's branch secretary approves only 乙区's members.
  'POST /api/approvals/:transferId/approve': APPROVER_RECORD,
  'POST /api/approvals/:transferId/reject': APPROVER_RECORD,
  'POST /api/communities/:cid/approvals/batch': APPROVER,
  'POST /api/transfers/:transferId/reverse': SECRETARY_RECORD,
  'GET /api/communities/:cid/ledger/verify': SECRETARY,
  'GET /api/communities/:cid/rewards': MEMBER,
  'POST /api/communities/:cid/rewards': SECRETARY,
  'PUT /api/rewards/:rewardId': SECRETARY_RECORD,
  'POST /api/rewards/:rewardId/redeem': MEMBER_RECORD,
  'GET /api/me/redemptions': USER,
  'GET /api/communities/:cid/redemptions': SECRETARY,
  'POST /api/redemptions/:redemptionId/pickup': SECRETARY_RECORD,
  // The volunteer's order: the volunteer and the station's secretary.
  'POST /api/redemptions/:redemptionId/cancel': '401 own own ok own own own 404 ok 404',
  'POST /api/communities/:cid/activities': SECRETARY,
  'GET /api/communities/:cid/activities': MEMBER,
  'GET /api/activities/:activityId': MEMBER_RECORD,
  'PUT /api/activities/:activityId': SECRETARY_RECORD,
  'POST /api/activities/:activityId/cancel': SECRETARY_RECORD,
  'POST /api/activities/:activityId/enrolment': VOLUNTEER_RECORD,
  'POST /api/activities/:activityId/enrolment/cancel': VOLUNTEER_RECORD,
  'GET /api/activities/:activityId/code': SECRETARY_RECORD,
  'GET /api/activities/:activityId/wxacode': SECRETARY_RECORD,
  'GET /api/activities/:activityId/attendances': SECRETARY_RECORD,
  'GET /api/activities/:activityId/attendances/export': SECRETARY_RECORD,
  'POST /api/activities/:activityId/proxy-checkins': SECRETARY_RECORD,
  'POST /api/checkins': USER,
  'GET /api/me/attendances': USER,
  // The volunteer's attendance: only its volunteer asks for a correction.
  'POST /api/attendances/:attendanceId/corrections': '401 403 403 ok own own 403 404 403 404',
  'GET /api/communities/:cid/corrections': SECRETARY,
  'POST /api/corrections/:correctionId/accept': SECRETARY_RECORD,
  'POST /api/corrections/:correctionId/refuse': SECRETARY_RECORD,
  'POST /api/me/certificates': USER,
  'GET /api/certificates/:code': PUBLIC,
  // The volunteer's certificate: its holder and the community's secretary; to anyone else it does not exist.
  'GET /api/certificates/:code/pdf': '401 own own ok own own own own ok own',
  'POST /api/uploads': USER,
  'POST /api/uploads/voice': USER,
  'GET /api/uploads/:uploadId': PUBLIC,
  'GET /api/me/notifications': USER,
  'POST /api/me/notifications/read': USER,
  'POST /api/communities/:cid/wishes': MEMBER,
  'GET /api/communities/:cid/wishes': MEMBER,
  'GET /api/communities/:cid/wish-points': MEMBER,
  'PUT /api/communities/:cid/wish-points': SECRETARY,
  'GET /api/wishes/:wishId': MEMBER_RECORD,
  // The resident's wishes, in 甲区: reviewers are the secretary and 甲区's branch.
  'POST /api/wishes/:wishId/review': APPROVER_RECORD,
  'POST /api/wishes/:wishId/claim': VOLUNTEER_RECORD,
  // Claimed by the volunteer: only the claimer lets go of it or fulfils it.
  'POST /api/wishes/:wishId/release': '401 403 403 ok own own 403 404 403 404',
  'POST /api/wishes/:wishId/dispatch': APPROVER_RECORD,
  'POST /api/wishes/:wishId/fulfil': '401 403 403 ok own own 403 404 403 404',
  // The author confirms; a secretary or the author's linked family member confirms for them (代确认); the family
  // member also disputes and withdraws for them (家人代办).
  'POST /api/wishes/:wishId/confirm': '401 ok ok own own own own 404 ok 404',
  'POST /api/wishes/:wishId/dispute': '401 ok ok own own own own 404 own 404',
  'POST /api/wishes/:wishId/cancel': '401 ok ok own own own own 404 own 404',
  // The thank-you letter: for the member who fulfilled the wish (the party member) and the secretary.
  'GET /api/wishes/:wishId/letter': '401 own own own ok own own 404 ok 404',
  // 语音说明 of the resident's wish, claimed by the volunteer: the author, the family, the claimer and the reviewers.
  'GET /api/wishes/:wishId/voice': '401 ok ok ok own own own 404 ok 404',
  'GET /api/communities/:cid/family-links': MEMBER,
  'POST /api/communities/:cid/family-codes': MEMBER,
  'POST /api/family-links': USER,
  // The resident's link to the family member: either of the two ends it (the resident first, so the family
  // member then finds it gone); to everyone else it is not there. Each caller ends a link of their own.
  'POST /api/family-links/:linkId/remove': '401 ok own own own own own 404 own 404',
  'POST /api/communities/:cid/contact-groups': SECRETARY,
  'GET /api/communities/:cid/contact-settings': ORGANISATION,
  'PUT /api/communities/:cid/contact-settings': SECRETARY,
  'GET /api/communities/:cid/contact-groups': ORGANISATION,
  'PUT /api/contact-groups/:groupId': SECRETARY_RECORD,
  'POST /api/contact-groups/:groupId/dissolve': SECRETARY_RECORD,
  'POST /api/contact-groups/:groupId/assignments': SECRETARY_RECORD,
  'POST /api/contact-groups/:groupId/assignments/release': SECRETARY_RECORD,
  'GET /api/buildings/:buildingId/assignments': '401 403 403 403 403 ok ok 404 ok 404',
  'GET /api/communities/:cid/coverage': APPROVER,
  'GET /api/me/households': USER,
  // The group's household in 甲区: the secretary, 甲区's branch, and the group.
  'GET /api/households/:householdId': '401 403 403 403 own ok own 404 ok 404',
  'POST /api/households/:householdId/visits': '401 403 403 403 own ok 403 404 403 404',
  'GET /api/communities/:cid/my-contact-member': MEMBER,
  'POST /api/communities/:cid/my-contact-member/call-me': MEMBER,
  'PUT /api/communities/:cid/me/contact-phone': '401 403 403 403 ok ok 403 403 403 403',
  'POST /api/communities/:cid/demands': MEMBER,
  // Without ?mine= it is the branch's queue; members read their own (?mine=raised).
  'GET /api/communities/:cid/demands': '401 own own own own own ok 403 ok 403',
  'POST /api/demands/:demandId/transition': '401 own own own own own own 404 ok 404',
  'POST /api/demands/:demandId/wish': APPROVER_RECORD,
  'POST /api/communities/:cid/resources': '401 403 403 403 ok ok 403 403 403 403',
  'GET /api/communities/:cid/resources': MEMBER,
  'GET /api/communities/:cid/demand-list': MEMBER,
  'POST /api/communities/:cid/service-projects': APPROVER,
  'GET /api/communities/:cid/service-projects': MEMBER,
  'POST /api/service-projects/:projectId/take': '401 403 403 403 ok ok 403 404 403 404',
  // Dispatched to the group leader: the taker or the secretary says it is done.
  'POST /api/service-projects/:projectId/done': '401 own own own own ok own 404 ok 404',
  // A 社区评价 of the group's member: only the community's secretary gives it.
  'PUT /api/communities/:cid/evaluations/:userId': '401 403 403 403 403 own own 403 ok 403',
  'GET /api/communities/:cid/evaluations': ORGANISATION,
  'GET /api/communities/:cid/reports/annual': SECRETARY,
  'GET /api/communities/:cid/reports/annual/export': SECRETARY,
  'GET /api/communities/:cid/audit-log': SECRETARY,
  'GET /api/communities/:cid/audit-log/export': SECRETARY,
};

function parse(route: string, row: string): Record<Caller, Expected> {
  const cells = row.trim().split(/\s+/);
  if (cells.length !== CALLERS.length)
    throw new Error(`${route}: ${cells.length} cells for ${CALLERS.length} callers`);
  return Object.fromEntries(
    CALLERS.map((caller, i) => {
      const cell = cells[i];
      if (cell !== 'ok' && cell !== 'own' && !['401', '403', '404'].includes(cell))
        throw new Error(`${route}: unknown cell ${cell}`);
      return [caller, cell === 'ok' || cell === 'own' ? cell : (Number(cell) as Expected)];
    }),
  ) as Record<Caller, Expected>;
}

export const ACCESS_MATRIX: Record<string, Record<Caller, Expected>> = Object.fromEntries(
  Object.entries(ROWS).map(([route, row]) => [route, parse(route, row)]),
);
