import { ErrorCode, Role } from '@redvest/contract';
import { GroupCandidate, groupAfterLeaving, groupMembersRefusal, memberChanges } from './groups';

const PARTY = { active: true, granted: [Role.PartyMember] };
const candidates = (entries: [string, GroupCandidate | null][]) => new Map(entries);

describe('a contact group’s members (包户小组)', () => {
  it('takes active party members up to the group size, the leader among them', () => {
    const all = candidates([
      ['u1', PARTY],
      ['u2', { active: true, granted: [Role.GroupLeader] }],
    ]);
    expect(groupMembersRefusal(['u1', 'u2'], 'u1', 2, all)).toBeNull();
  });

  it('refuses a leader outside the group, or more members than the group size', () => {
    const all = candidates([
      ['u1', PARTY],
      ['u2', PARTY],
    ]);
    expect(groupMembersRefusal(['u1', 'u2'], 'u3', 3, all)).toEqual({ error: ErrorCode.ContactGroupInvalid });
    expect(groupMembersRefusal(['u1', 'u2'], 'u1', 1, all)).toEqual({ error: ErrorCode.ContactGroupInvalid });
  });

  it('names the first member who is not an active party member of the community', () => {
    const refusal = (candidate: GroupCandidate | null) =>
      groupMembersRefusal(
        ['u1', 'u2', 'u3'],
        'u1',
        3,
        candidates([
          ['u1', PARTY],
          ['u2', candidate],
          ['u3', null],
        ]),
      );
    expect(refusal(null)).toEqual({ error: ErrorCode.ContactGroupInvalid, details: { userId: 'u2' } });
    expect(refusal({ active: false, granted: [Role.PartyMember] })).toEqual({
      error: ErrorCode.ContactGroupInvalid,
      details: { userId: 'u2' },
    });
    expect(refusal({ active: true, granted: [Role.Volunteer] })).toEqual({
      error: ErrorCode.ContactGroupInvalid,
      details: { userId: 'u2' },
    });
    expect(refusal(PARTY)).toEqual({ error: ErrorCode.ContactGroupInvalid, details: { userId: 'u3' } });
  });

  it('tells who joins and who leaves', () => {
    expect(memberChanges(['u1', 'u2'], ['u2', 'u3'])).toEqual({ joining: ['u3'], leaving: ['u1'] });
  });

  it('dissolves a group left empty, and gives a leaderless group to its longest-standing member', () => {
    expect(groupAfterLeaving('u1', 'u1', [])).toEqual({ outcome: 'dissolved' });
    expect(groupAfterLeaving('u1', 'u2', ['u1'])).toEqual({ outcome: 'left' });
    expect(
      groupAfterLeaving('u1', 'u1', [
        '019a0000-0000-7000-8000-000000000003',
        '019a0000-0000-7000-8000-000000000002',
      ]),
    ).toEqual({ outcome: 'new_leader', leaderId: '019a0000-0000-7000-8000-000000000002' });
  });
});
