import { TransferCode, Unit } from '@redvest/contract';
import { EntityManager } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { Attendance } from '../activities/attendance.entity';
import { newId } from '../database/ids';
import { LedgerService } from '../ledger/ledger.service';
import { Reward } from '../rewards/reward.entity';

export const DEMO_REWARDS = [
  { name: '东北大米 5kg', cost: 100, stock: 30, description: '社区服务站领取，每月补货' },
  { name: '花生油 1.8L', cost: 80, stock: 20, description: null },
  { name: '洗衣液 2kg', cost: 50, stock: 25, description: null },
  { name: '纯棉毛巾', cost: 20, stock: 60, description: '两条装' },
  { name: '社区理发券', cost: 30, stock: 40, description: '党群服务中心每周三上午' },
];

/**
 * Past service of the demo members, as the check-ins of past activities (see DEMO_PAST_ACTIVITIES): each is a
 * closed attendance with its award in the ledger, approved or waiting for approval, so 服务记录, 我的积分 and the
 * certificate all read the same service.
 */
export const DEMO_SERVICE: {
  openid: string;
  title: string;
  points: number;
  posted: boolean;
}[] = [
  { openid: 'demo-volunteer', title: '重阳节敬老院慰问演出', points: 20, posted: true },
  { openid: 'demo-volunteer', title: '垃圾分类宣传', points: 10, posted: true },
  { openid: 'demo-volunteer', title: '小区环境整治', points: 15, posted: false },
  { openid: 'demo-member-1', title: '重阳节敬老院慰问演出', points: 20, posted: true },
  { openid: 'demo-member-1', title: '防汛物资清点', points: 25, posted: true },
  { openid: 'demo-member-2', title: '义诊进社区', points: 30, posted: true },
  { openid: 'demo-member-2', title: '小区环境整治', points: 15, posted: false },
  { openid: 'demo-member-3', title: '法律咨询进社区', points: 20, posted: true },
];

export async function seedDemoLedger(
  em: EntityManager,
  ledger: LedgerService,
  communityId: string,
  userIds: Map<string, string>,
  secretaryId: string,
  pastActivities: ReadonlyMap<string, Activity>,
): Promise<void> {
  const now = new Date();
  for (const reward of DEMO_REWARDS) {
    await em.insert(Reward, {
      id: newId(),
      communityId,
      ...reward,
      photoUrl: null,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const service of DEMO_SERVICE) {
    const activity = pastActivities.get(service.title)!;
    const attendance: Attendance = {
      id: newId(),
      communityId,
      activityId: activity.id,
      userId: userIds.get(service.openid)!,
      checkedInAt: activity.startAt,
      checkedOutAt: activity.endAt,
      minutes: Math.round((activity.endAt.getTime() - activity.startAt.getTime()) / 60_000),
      status: 'closed',
      offline: false,
      proxyBy: null,
      points: service.points,
      createdAt: activity.startAt,
    };
    await em.insert(Attendance, attendance);
    await em.increment(Activity, { id: activity.id }, 'attendeeCount', 1);
    let first: string | undefined;
    for (const [unit, amount] of [
      [Unit.Points, service.points],
      [Unit.Minutes, attendance.minutes!],
    ] as const) {
      const { transfer } = await ledger.award(em, {
        communityId,
        userId: attendance.userId,
        unit,
        amount,
        code: TransferCode.Checkin,
        ref: { type: 'attendance', id: attendance.id },
        memo: activity.title,
        linkId: attendance.id,
        autoPost: false,
        idempotencyKey: `checkin:${attendance.id}:${unit}`,
        createdBy: null,
      });
      first ??= transfer.id;
    }
    if (service.posted) await ledger.post(em, communityId, first!, secretaryId);
  }
  await ledger.adjust(em, {
    communityId,
    userId: userIds.get('demo-volunteer')!,
    unit: Unit.Points,
    amount: 30,
    reason: '补录 2026 年上半年纸质签到记录',
    idempotencyKey: 'demo:paper-record',
    createdBy: secretaryId,
  });
}
