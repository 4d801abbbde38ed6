import type { DemoUser } from '@redvest/contract';

/** The dev-login users of the demo community (DESIGN §8). */
export const DEMO_USERS: DemoUser[] = [
  {
    openid: 'demo-secretary',
    nickname: '王书记',
    description: '王建国，社区书记：管理活动、审批积分、成员与住户',
  },
  { openid: 'demo-branch', nickname: '李支书', description: '李秀兰，阳光里小区党支部书记' },
  {
    openid: 'demo-member-1',
    nickname: '张卫东',
    description: '张卫东，在职党员（佛山市税务局），包户小组组长',
  },
  {
    openid: 'demo-member-2',
    nickname: '陈丽',
    description: '陈丽，在职党员（禅城区人民医院），包户小组成员',
  },
  {
    openid: 'demo-member-3',
    nickname: '刘洋',
    description: '刘洋，在职党员（佛山市第一中学），包户小组成员',
  },
  { openid: 'demo-volunteer', nickname: '赵志愿', description: '赵志远，志愿者：扫码签到、积分兑换' },
  { openid: 'demo-resident', nickname: '孙奶奶', description: '孙桂芳，居民：发布微心愿' },
];
