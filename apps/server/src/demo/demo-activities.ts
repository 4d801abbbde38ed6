import type { CreateActivityRequest } from '@redvest/contract';

const HOUR = 60 * 60_000;
const at = (from: Date, hours: number) => new Date(from.getTime() + hours * HOUR).toISOString();

/** The demo's activity running now, so the check-in can be tried at once. */
export function runningDemoActivity(now: Date): CreateActivityRequest {
  return {
    title: '小区环境整治志愿服务',
    category: '环境整治',
    place: '阳光里小区中心花园',
    description: '清理绿化带垃圾、整理楼道杂物。请自带手套，现场提供工具和饮用水。',
    startAt: at(now, -1),
    endAt: at(now, 3),
    capacity: 50,
    pointsRule: { kind: 'per_attendance', points: 10 },
  };
}

export function otherDemoActivities(now: Date): CreateActivityRequest[] {
  return [
    {
      title: '老年人智能手机使用课堂',
      category: '老龄科普',
      place: '社区党群服务中心二楼教室',
      description: '手把手教健康码、视频通话、网上缴费。需提前报名，每场 20 人。',
      startAt: at(now, 24),
      endAt: at(now, 26),
      capacity: 20,
      enrolmentRequired: true,
      pointsRule: { kind: 'per_hour', points: 5 },
    },
    {
      title: '法律咨询进社区',
      category: '法律服务',
      place: '和平苑小区门口',
      startAt: at(now, 72),
      endAt: at(now, 75),
      pointsRule: { kind: 'per_attendance', points: 15 },
    },
    {
      title: '重阳节敬老院慰问演出',
      category: '敬老孝老',
      place: '石湾镇敬老院',
      startAt: at(now, -72),
      endAt: at(now, -69),
      pointsRule: { kind: 'per_attendance', points: 20 },
    },
  ];
}
