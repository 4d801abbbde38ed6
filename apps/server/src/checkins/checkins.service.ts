import {
  AttendanceView,
  CheckinAction,
  CheckinResponse,
  ErrorCode,
  MembershipStatus,
} from '@redvest/contract';
import {
  CodeClaims,
  CodeSigner,
  decideAttendance,
  decideOverdueClose,
  decideProxyScan,
  decideScan,
  decodeCode,
  isPastCheckin,
  isRefusal,
  pointsPendingAfter,
  ScanFacts,
  TokenProblem,
} from '@redvest/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { Enrolment } from '../activities/enrolment.entity';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { refusedWith } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { findMembership } from '../communities/membership-lookup';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { columnsOf, hydrate } from '../database/rows';
import { attendanceView } from '../activities/views';
import { isDuplicateKey } from '../database/db-errors';
import { LedgerGroupCommit } from '../ledger/ledger-group-commit';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { RATE_LIMITS } from '../rate-limits/rules';
import { AttendanceViews } from './attendance-views';
import { AttendanceWrites } from './attendance-writes';
import { attendanceFacts, checkinActivity, checkinSettings } from './checkin-facts';
import { codeSigner } from './checkin-token';
import { CheckinDto } from './dto';

/** Errors that mean a wrong code, which count towards the rate limit. */
const CODE_ERRORS = new Set([
  ErrorCode.CheckinCodeInvalid,
  ErrorCode.CheckinCodeForged,
  ErrorCode.ActivityNotFound,
]);

/**
 * 扫码签到 and 签退: one attendance per person per activity, and its award through the ledger. The rules
 * decide (libs/domain/src/checkin); this reads what they need, and writes what they decided.
 */
@Injectable()
export class CheckinsService {
  private readonly sign: CodeSigner;
  private readonly logger = new Logger('Checkins');

  constructor(
    private readonly db: Db,
    private readonly groupCommit: LedgerGroupCommit,
    private readonly writes: AttendanceWrites,
    private readonly views: AttendanceViews,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditTrail,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.sign = codeSigner(config.appSecret);
  }

  async scan(userId: string, body: CheckinDto, now = new Date()): Promise<CheckinResponse> {
    await this.limiter.refuseWhenReached(RATE_LIMITS.wrongCheckinCodes, `user:${userId}`, now);
    const { scan, activity, community } = await this.admit(userId, body, now);
    const result = await this.groupCommit
      .transaction(activity.communityId, async (em) => {
        const existing = await this.writes.lock(em, activity.id, userId);
        const decision = decideAttendance(
          existing && attendanceFacts(existing),
          { ...scan, intent: body.intent ?? 'auto', proxyBy: null },
          checkinActivity(activity, community),
          checkinSettings(community),
        );
        if (isRefusal(decision)) throw refusedWith(decision);
        const attendance = await this.writes.apply(em, activity, userId, existing, decision);
        return { attendance, action: decision.action, pointsPending: pointsPendingAfter(decision) };
      })
      .catch(async (error) => {
        // Two scans at once: the unique key let one attendance in; the other scan just sees it.
        if (!isDuplicateKey(error)) throw error;
        const attendance = await this.db.read((em) =>
          em.findOneOrFail(Attendance, { where: { activityId: activity.id, userId } }),
        );
        return { attendance, action: 'already_checked_in' as CheckinAction, pointsPending: null };
      });
    return {
      attendance: await this.viewOf(result.attendance, activity.title, result.pointsPending),
      action: result.action,
      activity: {
        id: activity.id,
        title: activity.title,
        place: activity.place,
        endAt: activity.endAt.toISOString(),
      },
    };
  }

  /** 代签到: an organiser checks a member in or out by name, recorded as done by the organiser. */
  async proxy(
    activityId: string,
    userId: string,
    action: 'check_in' | 'check_out',
    actorId: string,
  ): Promise<AttendanceView> {
    const { activity, community, membership } = await this.db.read(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      const community = await em.findOneOrFail(Community, { where: { id: activity.communityId } });
      return { activity, community, membership: await findMembership(em, activity.communityId, userId) };
    });
    const rules = checkinActivity(activity, community);
    const active = membership?.membership.status === MembershipStatus.Active;
    const scan = decideProxyScan({ activity: rules, member: membership && { active } }, new Date());
    if (isRefusal(scan)) throw refusedWith(scan);
    const title = clip(activity.title, 40);
    const attendance = await this.groupCommit.transaction(activity.communityId, async (em) => {
      const existing = await this.writes.lock(em, activityId, userId);
      const decision = decideAttendance(
        existing && attendanceFacts(existing),
        { ...scan, intent: action, proxyBy: actorId },
        rules,
        checkinSettings(community),
      );
      if (isRefusal(decision)) throw refusedWith(decision);
      if (decision.action === 'already_checked_in') {
        this.audit.unchanged();
        return { done: existing!, pointsPending: null };
      }
      const done = await this.writes.apply(em, activity, userId, existing, decision);
      await this.audit.record(em, {
        targetType: 'attendance',
        targetId: done.id,
        subjectId: userId,
        summary:
          decision.action === 'checked_in'
            ? `代签到：“${title}”`
            : `代签退：“${title}”，服务 ${done.minutes ?? 0} 分钟`,
      });
      return { done, pointsPending: pointsPendingAfter(decision) };
    });
    return this.viewOf(attendance.done, activity.title, attendance.pointsPending);
  }

  /** The attendance as answered: the ledger is read only when the transaction did not just write it. */
  private viewOf(attendance: Attendance, title: string, pointsPending: boolean | null) {
    if (pointsPending !== null) return attendanceView(attendance, title, pointsPending);
    return this.db.read((em) => this.views.one(em, attendance, title));
  }

  /**
   * Closes the attendances left open after their activity's end plus the grace (未签退). They count no
   * minutes unless the community counts them to the end; their points always wait for a secretary.
   */
  async closeOverdue(now = new Date()): Promise<number> {
    // Open attendances are few (those of activities running now), so they are read whole.
    const overdue = await this.db.read(async (em) => {
      const open = await em.find(Attendance, {
        where: { status: 'open' },
        select: { id: true, activityId: true, communityId: true },
      });
      if (open.length === 0) return [];
      const activities = await em.find(Activity, {
        where: { id: In([...new Set(open.map((a) => a.activityId))]) },
      });
      const communities = await em.find(Community, {
        where: { id: In([...new Set(open.map((a) => a.communityId))]) },
      });
      const communityOf = new Map(communities.map((c) => [c.id, c]));
      const past = activities.filter((a) =>
        isPastCheckin(checkinActivity(a, communityOf.get(a.communityId)!), now),
      );
      const pastIds = new Set(past.map((a) => a.id));
      return open.filter((a) => pastIds.has(a.activityId));
    });
    let closed = 0;
    for (const { id, communityId } of overdue) {
      closed += await this.groupCommit.transaction(communityId, async (em) => {
        const attendance = await em.findOne(Attendance, {
          where: { id, status: 'open' },
          ...this.db.forUpdate,
        });
        if (!attendance) return 0;
        const activity = await em.findOneOrFail(Activity, { where: { id: attendance.activityId } });
        const community = await em.findOneOrFail(Community, { where: { id: attendance.communityId } });
        const closing = decideOverdueClose(
          attendanceFacts(attendance),
          checkinActivity(activity, community),
          checkinSettings(community),
        );
        await this.writes.close(em, attendance, closing);
        return 1;
      });
    }
    if (closed) this.logger.log(`已关闭 ${closed} 条未签退记录`);
    return closed;
  }

  /** The scan as the rules take it, or refused; a wrong code counts towards the rate limit. */
  private async admit(userId: string, body: CheckinDto, now: Date) {
    const code = decodeCode(this.sign, body.token);
    const read = await this.db.read((em) => this.readScan(em, userId, code));
    const scan = decideScan(
      read.facts,
      {
        scannedAt: body.scannedAt ? new Date(body.scannedAt) : undefined,
        latitude: body.latitude,
        longitude: body.longitude,
      },
      now,
    );
    if (isRefusal(scan)) {
      if (CODE_ERRORS.has(scan.error))
        await this.limiter.count(RATE_LIMITS.wrongCheckinCodes, `user:${userId}`, now);
      throw refusedWith(scan);
    }
    // decideScan admits no scan without an activity.
    return { scan, activity: read.activity!, community: read.community! };
  }

  /** What the scan rules need: the activity the code names, the person's membership, their 报名. */
  private async readScan(
    em: EntityManager,
    userId: string,
    code: CodeClaims | TokenProblem,
  ): Promise<{ facts: ScanFacts; activity: Activity | null; community: Community | null }> {
    const none = {
      facts: { code, activity: null, member: null, enrolled: false },
      activity: null,
      community: null,
    };
    if (typeof code === 'string') return none;
    // One statement for both (database/rows.ts): every scan reads them.
    const [row] = await em.query(
      `SELECT ${columnsOf(em, Activity, 'a')}, ${columnsOf(em, Community, 'c')}
       FROM activities a JOIN communities c ON c.id = a.community_id WHERE a.number = ?`,
      [code.activityNumber],
    );
    if (!row) return none;
    const activity = hydrate(em, Activity, row, 'a');
    const community = hydrate(em, Community, row, 'c');
    const membership = await findMembership(em, activity.communityId, userId);
    const enrolled =
      Boolean(activity.enrolmentRequired) &&
      (await em.count(Enrolment, { where: { activityId: activity.id, userId } })) > 0;
    const member = membership && {
      active: membership.membership.status === MembershipStatus.Active,
      granted: membership.granted,
    };
    return {
      facts: { code, activity: checkinActivity(activity, community), member, enrolled },
      activity,
      community,
    };
  }
}
