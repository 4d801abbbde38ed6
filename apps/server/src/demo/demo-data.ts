import { Role } from '@redvest/contract';
import { DEMO_USERS } from './demo-users';

export const DEMO_COMMUNITY = { name: '襄阳街社区', street: '石湾镇街道', inviteCode: 'XYJ2026' };

interface DemoMember {
  openid: string;
  nickname: string;
  realName: string;
  phone: string;
  compound: string;
  roles: Role[];
  employer?: string;
  home?: { building: string; unit: string; room: string };
}

const nickname = (openid: string) => DEMO_USERS.find((u) => u.openid === openid)!.nickname;

export const DEMO_MEMBERS: DemoMember[] = [
  {
    openid: 'demo-secretary',
    realName: '王建国',
    phone: '13800138001',
    compound: '阳光里小区',
    roles: [Role.Secretary, Role.PartyMember],
  },
  {
    openid: 'demo-branch',
    realName: '李秀兰',
    phone: '13800138002',
    compound: '阳光里小区',
    roles: [Role.BranchSecretary, Role.PartyMember],
    home: { building: '1栋', unit: '1单元', room: '302' },
  },
  {
    openid: 'demo-member-1',
    realName: '张卫东',
    phone: '13912345601',
    compound: '阳光里小区',
    roles: [Role.PartyMember, Role.GroupLeader],
    employer: '佛山市税务局',
  },
  {
    openid: 'demo-member-2',
    realName: '陈丽',
    phone: '13912345602',
    compound: '阳光里小区',
    roles: [Role.PartyMember],
    employer: '禅城区人民医院',
  },
  {
    openid: 'demo-member-3',
    realName: '刘洋',
    phone: '13912345603',
    compound: '和平苑小区',
    roles: [Role.PartyMember],
    employer: '佛山市第一中学',
  },
  {
    openid: 'demo-volunteer',
    realName: '赵志远',
    phone: '13712345604',
    compound: '和平苑小区',
    roles: [Role.Volunteer],
    home: { building: '2栋', unit: '', room: '501' },
  },
  {
    openid: 'demo-resident',
    realName: '孙桂芳',
    phone: '13612345605',
    compound: '阳光里小区',
    roles: [],
    home: { building: '3栋', unit: '2单元', room: '101' },
  },
].map((member) => ({ ...member, nickname: nickname(member.openid) }));

/** Two compounds: 阳光里小区 (3 buildings with units, 6 floors) and 和平苑小区 (2 buildings, 8 floors). */
function householdSheet(): string {
  const lines = ['小区,楼栋,单元,楼层,房号'];
  for (const building of ['1栋', '2栋', '3栋']) {
    for (const unit of ['1单元', '2单元']) {
      for (let floor = 1; floor <= 6; floor++) {
        for (const door of ['01', '02'])
          lines.push(`阳光里小区,${building},${unit},${floor},${floor}${door}`);
      }
    }
  }
  for (const building of ['1栋', '2栋']) {
    for (let floor = 1; floor <= 8; floor++) {
      for (const door of ['01', '02', '03']) lines.push(`和平苑小区,${building},,${floor},${floor}${door}`);
    }
  }
  return lines.join('\n');
}

export const DEMO_HOUSEHOLD_SHEET = householdSheet();
