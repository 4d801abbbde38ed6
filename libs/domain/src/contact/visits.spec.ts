import { ErrorCode, Role } from '@redvest/contract';
import { householdCardAccess, visitVisitors } from './visits';

const standing = (granted: Role[], branchCompoundIds: string[] = []) => ({
  userId: 'u1',
  granted,
  branchCompoundIds,
});
const HOUSEHOLD = { compoundId: 'c1' };

describe('a household’s card', () => {
  it('shows phones in full to the secretary and the assigned group, masked to the compound’s branch', () => {
    expect(householdCardAccess(standing([Role.Secretary]), HOUSEHOLD, false)).toEqual({ fullPhones: true });
    expect(householdCardAccess(standing([Role.PartyMember]), HOUSEHOLD, true)).toEqual({ fullPhones: true });
    expect(householdCardAccess(standing([Role.BranchSecretary], ['c1']), HOUSEHOLD, false)).toEqual({
      fullPhones: false,
    });
  });

  it('is nobody else’s: another compound’s branch, or a member of another group', () => {
    const refused = { error: ErrorCode.NotInAssignedGroup };
    expect(householdCardAccess(standing([Role.BranchSecretary], ['c2']), HOUSEHOLD, false)).toEqual(refused);
    expect(householdCardAccess(standing([Role.GroupLeader]), HOUSEHOLD, false)).toEqual(refused);
  });
});

describe('同行走访', () => {
  it('counts the recorder once, first, with the companions of their group', () => {
    expect(visitVisitors('u1', ['u2', 'u1', 'u2'], ['u1', 'u2', 'u3'])).toEqual(['u1', 'u2']);
  });

  it('refuses a companion from outside the group', () => {
    expect(visitVisitors('u1', ['u9'], ['u1', 'u2'])).toEqual({
      error: ErrorCode.ValidationFailed,
      details: [{ field: 'visitorIds', message: '同行走访的人须是本小组成员' }],
    });
  });
});
