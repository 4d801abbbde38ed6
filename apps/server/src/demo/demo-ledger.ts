import { TransferCode, Unit } from '@redvest/contract';
import { EntityManager } from 'typeorm';
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

/** Past service of the demo members: awards approved, awards waiting for approval, and a paper record brought in. */
export const DEMO_SERVICE: {
  openid: string;
  title: string;
  points: number;
  minutes: number;
  posted: boolean;
}[] = [
  { openid: 'demo-volunteer', title: '重阳节敬老院慰问演出', points: 20, minutes: 150, posted: true },
  { openid: 'demo-volunteer', title: '垃圾分类宣传', points: 10, minutes: 90, posted: true },
  { openid: 'demo-volunteer', title: '小区环境整治', points: 15, minutes: 120, posted: false },
  { openid: 'demo-member-1', title: '重阳节敬老院慰问演出', points: 20, minutes: 150, posted: true },
  { openid: 'demo-member-1', title: '防汛物资清点', points: 25, minutes: 180, posted: true },
  { openid: 'demo-member-2', title: '义诊进社区', points: 30, minutes: 210, posted: true },
  { openid: 'demo-member-2', title: '小区环境整治', points: 15, minutes: 120, posted: false },
  { openid: 'demo-member-3', title: '法律咨询进社区', points: 20, minutes: 120, posted: true },
];

export async function seedDemoLedger(
  em: EntityManager,
  ledger: LedgerService,
  communityId: string,
  userIds: Map<string, string>,
  secretaryId: string,
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
  for (const [index, service] of DEMO_SERVICE.entries()) {
    const userId = userIds.get(service.openid)!;
    const linkId = newId();
    let first: string | undefined;
    for (const [unit, amount] of [
      [Unit.Points, service.points],
      [Unit.Minutes, service.minutes],
    ] as const) {
      const { transfer } = await ledger.award(em, {
        communityId,
        userId,
        unit,
        amount,
        code: TransferCode.Checkin,
        ref: { type: 'demo', id: `service-${index}` },
        memo: service.title,
        linkId,
        autoPost: false,
        idempotencyKey: `demo:service-${index}:${unit}`,
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
