import {
  CheckinAction,
  CheckinResponse,
  ErrorCode,
  MembershipStatus,
  Role,
  TransferCode,
  Unit,
  AttendanceView,
} from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { Enrolment } from '../activities/enrolment.entity';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError } from '../common/domain-error';
import { Community } from '../communities/community.entity';
import { findMembership } from '../communities/membership-lookup';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { isDuplicateKey } from '../database/db-errors';
import { newId } from '../database/ids';
import { LedgerService } from '../ledger/ledger.service';
import { closesAt, codeKey, codeTiming, readCode } from './checkin-token';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { RATE_LIMITS } from '../rate-limits/rules';
import { AttendanceViews } from './attendance-views';
import { checkinAwardKey } from './checkin-award';
import { CheckinDto } from './dto';
import { distanceMetres } from './geo';
import { pointsFor, servedMinutes } from './minutes';

/** A scan sent this long after it was made is an offline scan (DESIGN §3). */
const OFFLINE_AFTER_MS = 2 * 60_000;
/** Phones' clocks drift; a `scannedAt` this far ahead is still "now". */
const CLOCK_SKEW_MS = 60_000;

interface ScanContext {
  activity: Activity;
  community: Community;
  at: Date;
  offline: boolean;
}

/** 扫码签到 and 签退: one attendance per person per activity, and its award through the ledger. */
@Injectable()
export class CheckinsService {
  private readonly key: Buffer;
  private readonly logger = new Logger('Checkins');

  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly views: AttendanceViews,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditTrail,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.key = codeKey(config.appSecret);
  }

  async scan(userId: string, body: CheckinDto, now = new Date()): Promise<CheckinResponse> {
    await this.limiter.refuseWhenReached(RATE_LIMITS.wrongCheckinCodes, `user:${userId}`, now);
    const context = await this.db
      .read((em) => this.readScan(em, userId, body, now))
      .catch(async (error) => {
        if (error instanceof DomainError && CODE_ERRORS.has(error.code))
          await this.limiter.count(RATE_LIMITS.wrongCheckinCodes, `user:${userId}`, now);
        throw error;
      });
    const { activity } = context;
    const result = await this.db
      .transaction(async (em) => {
        const existing = await em.findOne(Attendance, {
          where: { activityId: activity.id, userId },
          ...this.db.forUpdate,
        });
        if (!existing) {
          if (body.intent === 'check_out') throw new DomainError(ErrorCode.NotCheckedIn);
          return {
            attendance: await this.checkIn(em, context, userId, null),
            action: 'checked_in' as CheckinAction,
          };
        }
        return this.followUp(em, context, existing, body.intent === 'check_out', null);
      })
      .catch(async (error) => {
        // Two scans at once: the unique key let one attendance in; the other scan just sees it.
        if (!isDuplicateKey(error)) throw error;
        const attendance = await this.db.read((em) =>
          em.findOneOrFail(Attendance, { where: { activityId: activity.id, userId } }),
        );
        return { attendance, action: 'already_checked_in' as CheckinAction };
      });
    return {
      attendance: await this.db.read((em) => this.views.one(em, result.attendance, activity.title)),
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
    const context = await this.db.read(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      const community = await em.findOneOrFail(Community, { where: { id: activity.communityId } });
      const membership = await findMembership(em, activity.communityId, userId);
      if (!membership || membership.membership.status !== MembershipStatus.Active)
        throw new DomainError(ErrorCode.MemberNotFound);
      const now = new Date();
      this.checkOpen(activity, community, now);
      return { activity, community, at: now, offline: false };
    });
    const title = clip(context.activity.title, 40);
    const attendance = await this.db.transaction(async (em) => {
      const existing = await em.findOne(Attendance, { where: { activityId, userId }, ...this.db.forUpdate });
      if (!existing) {
        if (action === 'check_out') throw new DomainError(ErrorCode.NotCheckedIn);
        const checkedIn = await this.checkIn(em, context, userId, actorId);
        await this.audit.record(em, {
          targetType: 'attendance',
          targetId: checkedIn.id,
          subjectId: userId,
          summary: `代签到：“${title}”`,
        });
        return checkedIn;
      }
      if (action === 'check_in') {
        this.audit.unchanged();
        return existing;
      }
      const checkedOut = (await this.followUp(em, context, existing, true, actorId)).attendance;
      await this.audit.record(em, {
        targetType: 'attendance',
        targetId: checkedOut.id,
        subjectId: userId,
        summary: `代签退：“${title}”，服务 ${checkedOut.minutes ?? 0} 分钟`,
      });
      return checkedOut;
    });
    return this.db.read((em) => this.views.one(em, attendance, context.activity.title));
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
      const closesAtOf = new Map(
        activities.map((a) => [
          a.id,
          closesAt({
            ...a,
            graceMinutes: communities.find((c) => c.id === a.communityId)!.checkinGraceMinutes,
          }),
        ]),
      );
      return open.filter((a) => closesAtOf.get(a.activityId)! < now).map((a) => a.id);
    });
    let closed = 0;
    for (const id of overdue) {
      closed += await this.db.transaction(async (em) => {
        const attendance = await em.findOne(Attendance, {
          where: { id, status: 'open' },
          ...this.db.forUpdate,
        });
        if (!attendance) return 0;
        const activity = await em.findOneOrFail(Activity, { where: { id: attendance.activityId } });
        const community = await em.findOneOrFail(Community, { where: { id: attendance.communityId } });
        const minutes =
          community.unclosedPolicy === 'to_end'
            ? servedMinutes(attendance.checkedInAt, activity.endAt, activity.startAt, activity.endAt)
            : 0;
        await this.close(em, activity, attendance, {
          status: 'unclosed',
          checkedOutAt: null,
          minutes,
          reviewed: true,
        });
        return 1;
      });
    }
    if (closed) this.logger.log(`已关闭 ${closed} 条未签退记录`);
    return closed;
  }

  /** Everything that can be checked before a transaction: the code, the time, the place, the person. */
  private async readScan(
    em: EntityManager,
    userId: string,
    body: CheckinDto,
    now: Date,
  ): Promise<ScanContext> {
    const claims = readCode(this.key, body.token);
    if (claims === 'malformed') throw new DomainError(ErrorCode.CheckinCodeInvalid);
    if (claims === 'forged') throw new DomainError(ErrorCode.CheckinCodeForged);
    const scannedAt = body.scannedAt ? new Date(body.scannedAt) : now;
    if (scannedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw new DomainError(ErrorCode.ScannedAtInFuture);
    const offline = now.getTime() - scannedAt.getTime() > OFFLINE_AFTER_MS;
    const at = offline ? scannedAt : now;
    const activity = await em.findOne(Activity, { where: { number: claims.activityNumber } });
    if (!activity) throw new DomainError(ErrorCode.ActivityNotFound);
    const membership = await findMembership(em, activity.communityId, userId);
    if (!membership || membership.membership.status !== MembershipStatus.Active)
      throw new DomainError(ErrorCode.NotCommunityMember);
    if (!effectiveRoles(membership.granted).has(Role.Volunteer)) throw new DomainError(ErrorCode.Forbidden);
    if (activity.cancelledAt) throw new DomainError(ErrorCode.ActivityCancelled);
    const community = await em.findOneOrFail(Community, { where: { id: activity.communityId } });
    const window = { ...activity, graceMinutes: community.checkinGraceMinutes };
    if (offline && now > closesAt(window)) throw new DomainError(ErrorCode.OfflineScanTooLate);
    const timing = codeTiming(claims, window, at);
    if (timing === 'not_yet_valid') throw new DomainError(ErrorCode.CheckinCodeNotYetValid);
    if (timing === 'expired')
      throw new DomainError(at > closesAt(window) ? ErrorCode.ActivityEnded : ErrorCode.CheckinCodeExpired);
    if (activity.latitude !== null && activity.longitude !== null && activity.radiusM !== null) {
      if (body.latitude === undefined || body.longitude === undefined)
        throw new DomainError(ErrorCode.LocationRequired);
      const distance = Math.round(
        distanceMetres(
          body as { latitude: number; longitude: number },
          activity as { latitude: number; longitude: number },
        ),
      );
      if (distance > activity.radiusM) {
        throw new DomainError(
          ErrorCode.TooFarAway,
          { distanceM: distance, radiusM: activity.radiusM },
          `您距离活动地点约 ${distance} 米，需在 ${activity.radiusM} 米内签到`,
        );
      }
    }
    if (
      activity.enrolmentRequired &&
      !(await em.count(Enrolment, { where: { activityId: activity.id, userId } }))
    ) {
      throw new DomainError(ErrorCode.NotEnrolled);
    }
    return { activity, community, at, offline };
  }

  private checkOpen(activity: Activity, community: Community, now: Date) {
    if (activity.cancelledAt) throw new DomainError(ErrorCode.ActivityCancelled);
    const window = { ...activity, graceMinutes: community.checkinGraceMinutes };
    if (codeTiming({ kind: 'poster', activityNumber: activity.number, window: 0 }, window, now) !== 'ok') {
      throw new DomainError(
        now > closesAt(window) ? ErrorCode.ActivityEnded : ErrorCode.CheckinCodeNotYetValid,
      );
    }
  }

  /** A new attendance, within the capacity (a conditional update on the activity's count). */
  private async checkIn(
    em: EntityManager,
    { activity, at, offline }: ScanContext,
    userId: string,
    proxyBy: string | null,
  ) {
    const seat = await em
      .createQueryBuilder()
      .update(Activity)
      .set({ attendeeCount: () => 'attendee_count + 1' })
      .where('id = :id AND (capacity IS NULL OR attendee_count < capacity)', { id: activity.id })
      .execute();
    if (seat.affected === 0) throw new DomainError(ErrorCode.ActivityFull);
    const attendance: Attendance = {
      id: newId(),
      communityId: activity.communityId,
      activityId: activity.id,
      userId,
      checkedInAt: at,
      checkedOutAt: null,
      minutes: null,
      status: 'open',
      offline,
      proxyBy,
      points: null,
      createdAt: new Date(),
    };
    await em.insert(Attendance, attendance);
    return attendance;
  }

  /** A scan on an existing attendance: a repeat, a check-out, or refused after check-out. */
  private async followUp(
    em: EntityManager,
    context: ScanContext,
    existing: Attendance,
    checkOut: boolean,
    proxyBy: string | null,
  ) {
    if (existing.status !== 'open') throw new DomainError(ErrorCode.AttendanceClosed);
    const sinceIn = context.at.getTime() - existing.checkedInAt.getTime();
    if (!checkOut && sinceIn < context.community.repeatScanMinutes * 60_000) {
      return { attendance: existing, action: 'already_checked_in' as CheckinAction };
    }
    const { activity } = context;
    const checkedOutAt = context.at < existing.checkedInAt ? existing.checkedInAt : context.at;
    const minutes = servedMinutes(existing.checkedInAt, checkedOutAt, activity.startAt, activity.endAt);
    const offline = Boolean(existing.offline) || context.offline;
    const attendance = await this.close(
      em,
      activity,
      { ...existing, offline, proxyBy: existing.proxyBy ?? proxyBy },
      {
        status: 'closed',
        checkedOutAt,
        minutes,
        reviewed: offline,
      },
    );
    return { attendance, action: 'checked_out' as CheckinAction };
  }

  /**
   * Closes an attendance and awards its points and minutes through the ledger, linked, with keys derived
   * from the attendance so a retry never awards twice. Offline and unclosed ones always wait for review.
   */
  private async close(
    em: EntityManager,
    activity: Activity,
    attendance: Attendance,
    outcome: { status: 'closed' | 'unclosed'; checkedOutAt: Date | null; minutes: number; reviewed: boolean },
  ): Promise<Attendance> {
    const points = pointsFor({ kind: activity.pointsKind, points: activity.points }, outcome.minutes);
    const closed: Attendance = {
      ...attendance,
      status: outcome.status,
      checkedOutAt: outcome.checkedOutAt,
      minutes: outcome.minutes,
      points,
    };
    const done = await em.update(
      Attendance,
      { id: attendance.id, status: 'open' },
      {
        status: closed.status,
        checkedOutAt: closed.checkedOutAt,
        minutes: closed.minutes,
        points,
        offline: closed.offline,
        proxyBy: closed.proxyBy,
      },
    );
    if (done.affected === 0) throw new DomainError(ErrorCode.AttendanceClosed);
    const autoPost = Boolean(activity.autoApprove) && !outcome.reviewed;
    for (const [unit, amount] of [
      [Unit.Points, points],
      [Unit.Minutes, outcome.minutes],
    ] as const) {
      if (amount <= 0) continue;
      await this.ledger.award(em, {
        communityId: activity.communityId,
        userId: attendance.userId,
        unit,
        amount,
        code: TransferCode.Checkin,
        ref: { type: 'attendance', id: attendance.id },
        memo: `${activity.title}${closed.offline ? '（离线）' : ''}${outcome.status === 'unclosed' ? '（未签退）' : ''}`,
        linkId: attendance.id,
        autoPost,
        idempotencyKey: checkinAwardKey(attendance.id, unit),
        createdBy: null,
      });
    }
    return closed;
  }
}

/** Errors that mean a wrong code, which count towards the rate limit. */
const CODE_ERRORS = new Set([
  ErrorCode.CheckinCodeInvalid,
  ErrorCode.CheckinCodeForged,
  ErrorCode.ActivityNotFound,
]);
