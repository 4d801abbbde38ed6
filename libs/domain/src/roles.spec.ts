import { Role } from '@redvest/contract';
import { canActInCompound, effectiveRoles, hasAnyRole, sortRoles } from './roles';

describe('roles include one another (DESIGN §1)', () => {
  it('party_member ⇒ volunteer ⇒ resident', () => {
    expect([...effectiveRoles([Role.PartyMember])].sort()).toEqual(
      [Role.PartyMember, Role.Resident, Role.Volunteer].sort(),
    );
  });

  it('a group leader is a party member; a secretary can do what a branch secretary can', () => {
    expect(effectiveRoles([Role.GroupLeader]).has(Role.Volunteer)).toBe(true);
    expect(effectiveRoles([Role.Secretary]).has(Role.BranchSecretary)).toBe(true);
    expect(effectiveRoles([Role.Secretary]).has(Role.Volunteer)).toBe(false);
  });

  it('a resident is nothing more', () => {
    expect([...effectiveRoles([Role.Resident])]).toEqual([Role.Resident]);
    expect(hasAnyRole([Role.Resident], [Role.Volunteer])).toBe(false);
    expect(hasAnyRole([Role.PartyMember], [Role.Volunteer])).toBe(true);
  });

  it('a branch secretary acts in their own compound only, a secretary in all', () => {
    expect(canActInCompound([Role.BranchSecretary], ['c1'], 'c1')).toBe(true);
    expect(canActInCompound([Role.BranchSecretary], ['c1'], 'c2')).toBe(false);
    expect(canActInCompound([Role.Secretary], [], 'c2')).toBe(true);
    expect(canActInCompound([Role.PartyMember], ['c1'], 'c1')).toBe(false);
  });

  it('sorts from the most to the least powerful', () => {
    expect(sortRoles([Role.Resident, Role.Secretary, Role.Volunteer])).toEqual([
      Role.Secretary,
      Role.Volunteer,
      Role.Resident,
    ]);
  });
});
