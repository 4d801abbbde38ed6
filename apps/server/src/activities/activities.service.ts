import { ActivityView, ErrorCode, toIsoLocal } from '@redvest/contract';
import { activityPlanRefusal, decideActivityEdit, enrolmentRefusal, isRefusal } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { clip } from '../audit/words';
import { DomainError, refusedWith } from '../common/domain-error';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { Counter } from '../jobs/counter.entity';
import { ActivityViews } from './activity-views';
import { Activity } from './activity.entity';
import { CreateActivityDto, UpdateActivityDto } from './dto';
import { Enrolment } from './enrolment.entity';
import { activityView } from './views';

const FIELD_WORDS: Record<string, string> = {
  title: '标题',
  category: '类别',
  place: '地点',
  description: '说明',
  startAt: '开始时间',
  endAt: '结束时间',
  capacity: '人数上限',
  latitude: '定位',
  longitude: '定位',
  radiusM: '定位范围',
  pointsRule: '积分规则',
  autoApprove: '自动审批',
  enrolmentRequired: '需要报名',
};

const ruleWords = (kind: string, points: number) =>
  `${kind === 'per_hour' ? '每满一小时' : '每次'} ${points} 积分`;
const localTime = (at: Date) => toIsoLocal(at).slice(0, 16).replace('T', ' ');

/**
 * 志愿活动: what secretaries organise and volunteers attend; the rules of the plan and of 报名 are in
 * libs/domain/src/activities, what people read in ActivityViews.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly views: ActivityViews,
  ) {}

  async create(communityId: string, body: CreateActivityDto, actorId: string): Promise<ActivityView> {
    const plan = {
      startAt: new Date(body.startAt),
      endAt: new Date(body.endAt),
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      radiusM: body.radiusM ?? null,
    };
    const refusal = activityPlanRefusal(plan);
    if (refusal) throw refusedWith(refusal);
    return this.db.transaction(async (em) => {
      const now = new Date();
      const activity: Activity = {
        id: newId(),
        communityId,
        number: await this.nextNumber(em),
        title: body.title.trim(),
        category: body.category,
        place: body.place.trim(),
        description: body.description?.trim() || null,
        ...plan,
        capacity: body.capacity ?? null,
        attendeeCount: 0,
        pointsKind: body.pointsRule.kind,
        points: body.pointsRule.points,
        autoApprove: body.autoApprove ?? false,
        enrolmentRequired: body.enrolmentRequired ?? false,
        cancelledAt: null,
        cancelReason: null,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      };
      await em.insert(Activity, activity);
      await this.audit.record(em, {
        targetType: 'activity',
        targetId: activity.id,
        summary: `发布“${clip(activity.title, 40)}”：${localTime(activity.startAt)} 至 ${localTime(activity.endAt)}，${ruleWords(activity.pointsKind, activity.points)}${activity.autoApprove ? '，自动审批' : ''}`,
      });
      return activityView(activity, 0);
    });
  }

  async update(activityId: string, body: UpdateActivityDto): Promise<ActivityView> {
    return this.db.transaction(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId }, ...this.db.forUpdate });
      const plan = decideActivityEdit(
        { ...activity, cancelled: Boolean(activity.cancelledAt) },
        {
          ...(body.startAt !== undefined ? { startAt: new Date(body.startAt) } : {}),
          ...(body.endAt !== undefined ? { endAt: new Date(body.endAt) } : {}),
          latitude: body.latitude,
          longitude: body.longitude,
          radiusM: body.radiusM,
        },
      );
      if (isRefusal(plan)) throw refusedWith(plan);
      const changes: Partial<Activity> = {
        ...plan,
        ...(body.title !== undefined ? { title: body.title.trim() } : {}),
        ...(body.category !== undefined ? { category: body.category } : {}),
        ...(body.place !== undefined ? { place: body.place.trim() } : {}),
        ...(body.description !== undefined ? { description: body.description.trim() || null } : {}),
        ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
        ...(body.pointsRule ? { pointsKind: body.pointsRule.kind, points: body.pointsRule.points } : {}),
        ...(body.autoApprove !== undefined ? { autoApprove: body.autoApprove } : {}),
        ...(body.enrolmentRequired !== undefined ? { enrolmentRequired: body.enrolmentRequired } : {}),
        updatedAt: new Date(),
      };
      await em.update(Activity, { id: activityId }, changes);
      const fields = [
        ...new Set(
          Object.keys(body)
            .filter((k) => body[k as keyof UpdateActivityDto] !== undefined)
            .map((k) => FIELD_WORDS[k] ?? k),
        ),
      ];
      const rule =
        changes.pointsKind &&
        (changes.pointsKind !== activity.pointsKind || changes.points !== activity.points)
          ? `；积分规则 ${ruleWords(activity.pointsKind, activity.points)} → ${ruleWords(changes.pointsKind, changes.points!)}`
          : '';
      await this.audit.record(em, {
        targetType: 'activity',
        targetId: activityId,
        summary: `修改“${clip(activity.title, 40)}”：${fields.join('、') || '无变化'}${rule}`,
      });
      return this.views.view(em, await em.findOneOrFail(Activity, { where: { id: activityId } }));
    });
  }

  async cancel(activityId: string, reason: string): Promise<ActivityView> {
    return this.db.transaction(async (em) => {
      const done = await em.update(
        Activity,
        { id: activityId, cancelledAt: IsNull() },
        { cancelledAt: new Date(), cancelReason: reason.trim(), updatedAt: new Date() },
      );
      if (done.affected === 0) throw new DomainError(ErrorCode.ActivityCancelled);
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      await this.audit.record(em, {
        targetType: 'activity',
        targetId: activityId,
        summary: `取消“${clip(activity.title, 40)}”（原因：${clip(reason)}）`,
      });
      return this.views.view(em, activity);
    });
  }

  async enrol(activityId: string, userId: string, enrol: boolean): Promise<ActivityView> {
    return this.db.transaction(async (em) => {
      const activity = await em.findOneOrFail(Activity, { where: { id: activityId } });
      const refusal = enrolmentRefusal(
        { cancelled: Boolean(activity.cancelledAt), endAt: activity.endAt },
        enrol,
        new Date(),
      );
      if (refusal) throw refusedWith(refusal);
      if (enrol) {
        await em
          .createQueryBuilder()
          .insert()
          .into(Enrolment)
          .values({ activityId, userId, createdAt: new Date() })
          .orIgnore()
          .updateEntity(false)
          .execute();
      } else {
        await em.delete(Enrolment, { activityId, userId });
      }
      return this.views.view(em, activity, userId);
    });
  }

  /** Activity numbers: a counter row updated in the transaction, so two processes never hand out the same. */
  private async nextNumber(em: EntityManager): Promise<number> {
    const bump = () =>
      em
        .createQueryBuilder()
        .update(Counter)
        .set({ value: () => 'value + 1' })
        .where('name = :name', { name: 'activity' })
        .execute();
    if (!(await bump()).affected) {
      await em
        .createQueryBuilder()
        .insert()
        .into(Counter)
        .values({ name: 'activity', value: 0 })
        .orIgnore()
        .updateEntity(false)
        .execute();
      await bump();
    }
    return (await em.findOneOrFail(Counter, { where: { name: 'activity' } })).value;
  }
}
