import { ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { decideMove, decideResolution, decideReversal, needsCover } from './decide';
import { available, Phase } from './totals';

const posted = { phase: 'single' as Phase, debit: 'ISSUANCE', credit: 'u1', amount: 10, isReversal: false };
const none = { resolution: null, alreadyReversed: false };

describe('decideReversal', () => {
  it('reverses a final transfer the other way round, once', () => {
    expect(decideReversal(posted, none)).toEqual({ debit: 'u1', credit: 'ISSUANCE', amount: 10 });
    expect(decideReversal(posted, { ...none, alreadyReversed: true })).toEqual({
      error: ErrorCode.TransferAlreadyReversed,
    });
  });
  it('reverses a pending transfer only once it is posted', () => {
    const pending = { ...posted, phase: 'pending' as Phase };
    expect(decideReversal(pending, none)).toEqual({ error: ErrorCode.TransferNotPosted });
    expect(decideReversal(pending, { ...none, resolution: 'void' })).toEqual({
      error: ErrorCode.TransferNotPosted,
    });
    expect(decideReversal(pending, { ...none, resolution: 'post' })).toMatchObject({ debit: 'u1' });
  });
  it('never reverses an approval, a rejection or a reversal', () => {
    for (const phase of ['post', 'void'] as Phase[])
      expect(decideReversal({ ...posted, phase }, none)).toEqual({ error: ErrorCode.TransferNotPosted });
    expect(decideReversal({ ...posted, isReversal: true }, none)).toEqual({
      error: ErrorCode.TransferNotPosted,
    });
  });
});

describe('decideResolution', () => {
  const points = { id: 'p', phase: 'pending' as Phase };
  const minutes = { id: 'm', phase: 'pending' as Phase };
  it('resolves a pending transfer with those linked to it that are still pending', () => {
    expect(decideResolution(points, [points, minutes], new Set())).toEqual([points, minutes]);
    expect(decideResolution(points, [points, minutes], new Set(['m']))).toEqual([points]);
  });
  it('refuses a transfer already resolved, or never pending', () => {
    expect(decideResolution(points, [points], new Set(['p']))).toEqual({
      error: ErrorCode.TransferNotPending,
    });
    const single = { id: 's', phase: 'single' as Phase };
    expect(decideResolution(single, [single], new Set())).toEqual({ error: ErrorCode.TransferNotPending });
  });
});

describe('decideMove', () => {
  const totals = fc.record({
    creditsPosted: fc.nat(100),
    debitsPosted: fc.nat(100),
    creditsPending: fc.nat(100),
    debitsPending: fc.nat(100),
  });
  const phase = fc.constantFrom<Phase>('pending', 'post', 'void', 'single');
  it("never lets a member's new debit exceed what they may spend", () => {
    fc.assert(
      fc.property(totals, phase, fc.integer({ min: 1, max: 100 }), (t, p, amount) => {
        const d = decideMove({ isMember: true, totals: t }, p, 'debit', amount);
        if (needsCover(true, p, 'debit')) expect('error' in d).toBe(available(t) < amount);
        else expect('error' in d).toBe(false);
      }),
    );
  });
  it('lets system accounts and credits move whatever their totals', () => {
    const empty = { creditsPosted: 0, debitsPosted: 0, creditsPending: 0, debitsPending: 0 };
    expect(decideMove({ isMember: false, totals: empty }, 'single', 'debit', 5)).toMatchObject({
      debitsPosted: 5,
    });
    expect(decideMove({ isMember: true, totals: empty }, 'single', 'credit', 5)).toMatchObject({
      creditsPosted: 5,
    });
  });
});
