import type { CreateActivityRequest } from '@redvest/contract';

const HOUR = 60 * 60_000;
const CHINA_OFFSET = 8 * HOUR;

/** `hour:minute` in China (Asia/Shanghai, UTC+8 all year) on the day `days` from now's day there. */
export function chinaTimeOn(now: Date, days: number, hour: number, minute = 0): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour, minute);
  return new Date(day - CHINA_OFFSET);
}

const DAY_STARTS = 7;
const EVENING_STARTS = 19;

/**
 * The demo's activity running now, so the check-in can be tried at once, at hours such an activity keeps
 * whenever the demo is started: by day a morning or afternoon of 小区环境整治 that began within the last hour
 * (never before 07:00), in the evening and at night the overnight 平安巡逻 (19:00 to 08:00).
 */
export function runningDemoActivity(now: Date): CreateActivityRequest {
  const hour = new Date(now.getTime() + CHINA_OFFSET).getUTCHours();
  if (hour >= DAY_STARTS && hour < EVENING_STARTS) {
    const start = chinaTimeOn(now, 0, Math.max(DAY_STARTS, hour - 1));
    return {
      title: '小区环境整治志愿服务',
      category: '环境整治',
      place: '阳光里小区中心花园',
      description: '清理绿化带垃圾、整理楼道杂物。请自带手套，现场提供工具和饮用水。',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 4 * HOUR).toISOString(),
      capacity: 50,
      pointsRule: { kind: 'per_attendance', points: 10 },
    };
  }
  const evening = hour >= EVENING_STARTS ? 0 : -1;
  return {
    title: '平安夜巡志愿服务',
    category: '调解维稳',
    place: '襄阳街社区警务室集合',
    description: '两人一组巡查楼道、车棚和消防通道，发现隐患及时上报。请穿红马甲、带手电筒。',
    startAt: chinaTimeOn(now, evening, EVENING_STARTS).toISOString(),
    endAt: chinaTimeOn(now, evening + 1, 8).toISOString(),
    capacity: 30,
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
      startAt: chinaTimeOn(now, 1, 9, 30).toISOString(),
      endAt: chinaTimeOn(now, 1, 11, 30).toISOString(),
      capacity: 20,
      enrolmentRequired: true,
      pointsRule: { kind: 'per_hour', points: 5 },
    },
    {
      title: '法律咨询进社区',
      category: '法律服务',
      place: '和平苑小区门口',
      startAt: chinaTimeOn(now, 3, 14).toISOString(),
      endAt: chinaTimeOn(now, 3, 17).toISOString(),
      pointsRule: { kind: 'per_attendance', points: 15 },
    },
  ];
}

/** Activities held before the demo started, whose check-ins are the demo members' past service (demo-ledger). */
export function pastDemoActivities(now: Date): CreateActivityRequest[] {
  const past = (
    title: string,
    category: CreateActivityRequest['category'],
    place: string,
    days: number,
    [startHour, startMinute]: [number, number],
    [endHour, endMinute]: [number, number],
    points: number,
  ): CreateActivityRequest => ({
    title,
    category,
    place,
    startAt: chinaTimeOn(now, -days, startHour, startMinute).toISOString(),
    endAt: chinaTimeOn(now, -days, endHour, endMinute).toISOString(),
    pointsRule: { kind: 'per_attendance', points },
  });
  return [
    past('重阳节敬老院慰问演出', '敬老孝老', '石湾镇敬老院', 3, [14, 0], [16, 30], 20),
    past('小区环境整治', '环境整治', '阳光里小区各楼栋', 6, [8, 30], [10, 30], 15),
    past('义诊进社区', '敬老孝老', '社区党群服务中心', 8, [8, 30], [12, 0], 30),
    past('垃圾分类宣传', '科普宣传', '和平苑小区门口', 10, [9, 0], [10, 30], 10),
    past('防汛物资清点', '防汛防疫', '社区应急物资仓库', 14, [14, 0], [17, 0], 25),
    past('法律咨询进社区', '法律服务', '和平苑小区门口', 17, [14, 0], [16, 0], 20),
  ];
}
