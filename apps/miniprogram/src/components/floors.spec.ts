import { HouseholdView } from '@redvest/contract';
import { groupByFloor } from './floors';

const household = (floor: number, unit: string, room: string): HouseholdView => ({
  id: `${unit}-${room}`,
  compoundId: 'k1',
  buildingId: 'b1',
  building: '1栋',
  unit,
  floor,
  room,
});

describe('groupByFloor', () => {
  it('lists floors from the top down and rooms in natural order within a floor', () => {
    const groups = groupByFloor([
      household(1, '1单元', '102'),
      household(10, '1单元', '1001'),
      household(1, '2单元', '101'),
      household(1, '1单元', '101'),
      household(-1, '1单元', 'B101'),
      household(2, '1单元', '201'),
    ]);
    expect(groups.map((group) => group.floor)).toEqual([10, 2, 1, -1]);
    expect(groups[2].rooms.map((room) => `${room.unit}${room.room}`)).toEqual([
      '1单元101',
      '1单元102',
      '2单元101',
    ]);
  });
});
