import { ErrorCode, FAMILY_CODE_ALPHABET } from '@redvest/contract';
import { familyCodeFrom, formatFamilyCode, normaliseFamilyCode } from './code';
import { decideFamilyLink, FamilyLinkFacts, familyLinkSide } from './link';

const NOW = new Date('2026-03-01T10:00:00+08:00');
const FACTS: FamilyLinkFacts = {
  callerId: 'son',
  now: NOW,
  code: { residentId: 'grandma', expiresAt: new Date(NOW.getTime() + 60_000), usedAt: null },
  residentIsMember: true,
  callerMembership: 'active',
  joining: false,
  alreadyLinked: false,
  residentLinks: 0,
};
const decide = (facts: Partial<FamilyLinkFacts>) => decideFamilyLink({ ...FACTS, ...facts });

describe('family link codes', () => {
  it('reads a code however it is typed, and nothing that cannot be one', () => {
    expect(normaliseFamilyCode(' k7qm-3wpx ')).toBe('K7QM3WPX');
    expect(normaliseFamilyCode('K7QM 3WPX')).toBe('K7QM3WPX');
    for (const bad of ['', 'K7QM3WP', 'K7QM3WPXX', 'K7QM3WP0', 'K7QM3WPO', 'K7QM3WP1', '孙奶奶的代码'])
      expect(normaliseFamilyCode(bad)).toBeNull();
    expect(formatFamilyCode('K7QM3WPX')).toBe('K7QM 3WPX');
    const drawn = familyCodeFrom([0, 1, 2, 3, 28, 29, 30, 31]);
    expect(drawn).toBe('2345WXYZ');
    expect([...drawn].every((c) => FAMILY_CODE_ALPHABET.includes(c))).toBe(true);
  });
});

describe('decideFamilyLink', () => {
  it('links a member once, within the code’s hours, to someone else’s code', () => {
    expect(decide({})).toEqual({ join: false });
    expect(decide({ code: null })).toEqual({ error: ErrorCode.FamilyCodeInvalid });
    expect(decide({ residentIsMember: false })).toEqual({ error: ErrorCode.FamilyCodeInvalid });
    expect(decide({ code: { ...FACTS.code!, usedAt: NOW } })).toEqual({ error: ErrorCode.FamilyCodeUsed });
    expect(decide({ code: { ...FACTS.code!, expiresAt: NOW } })).toEqual({
      error: ErrorCode.FamilyCodeExpired,
    });
    expect(decide({ callerId: 'grandma' })).toEqual({ error: ErrorCode.FamilySelfLink });
    expect(decide({ alreadyLinked: true })).toEqual({ error: ErrorCode.FamilyAlreadyLinked });
    expect(decide({ residentLinks: 5 })).toEqual({ error: ErrorCode.FamilyLimitReached });
  });

  it('asks someone outside the community to join, and joins them when they sent their details', () => {
    expect(decide({ callerMembership: null })).toEqual({ error: ErrorCode.FamilyJoinRequired });
    expect(decide({ callerMembership: null, joining: true })).toEqual({ join: true });
    // A member waiting for verification is linked; the link acts once they are verified.
    expect(decide({ callerMembership: 'pending' })).toEqual({ join: false });
    expect(decide({ callerMembership: 'active', joining: true })).toEqual({ join: false });
  });

  it('lets either person of a link end it, and hides it from everyone else', () => {
    const link = { residentId: 'grandma', familyId: 'son' };
    expect(familyLinkSide(link, 'grandma')).toBe('resident');
    expect(familyLinkSide(link, 'son')).toBe('family');
    expect(familyLinkSide(link, 'neighbour')).toEqual({ error: ErrorCode.FamilyLinkNotFound });
  });
});
