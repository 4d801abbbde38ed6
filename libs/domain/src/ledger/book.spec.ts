import { ErrorCode } from '@redvest/contract';
import fc from 'fast-check';
import { LedgerBook } from './book';
import { available, balance, pendingNet, Totals } from './totals';

const USERS = ['u1', 'u2', 'u3'];
const SYSTEM = ['ISSUANCE', 'REDEMPTION', 'ADJUSTMENT'];

function freshBook(): LedgerBook {
  const book = new LedgerBook();
  USERS.forEach((id) => book.open(id, 'user'));
  SYSTEM.forEach((id) => book.open(id, 'system'));
  return book;
}

type Op =
  | { op: 'award'; user: number; amount: number; autoPost: boolean }
  | { op: 'post' | 'void' | 'reverse'; pick: number }
  | { op: 'redeem' | 'refund' | 'debitAdjust'; user: number; amount: number };

const amount = fc.integer({ min: 1, max: 50 });
const user = fc.integer({ min: 0, max: USERS.length - 1 });
const operation: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('award' as const), user, amount, autoPost: fc.boolean() }),
  fc.record({ op: fc.constantFrom('post' as const, 'void' as const, 'reverse' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constantFrom('redeem' as const, 'refund' as const, 'debitAdjust' as const),
    user,
    amount,
  }),
);

function run(book: LedgerBook, op: Op): void {
  const count = book.transfers.length;
  switch (op.op) {
    case 'award':
      book.transfer(op.autoPost ? 'single' : 'pending', 'ISSUANCE', USERS[op.user], op.amount);
      break;
    case 'redeem':
      book.transfer('single', USERS[op.user], 'REDEMPTION', op.amount);
      break;
    case 'refund':
      book.transfer('single', 'REDEMPTION', USERS[op.user], op.amount);
      break;
    case 'debitAdjust':
      book.transfer('single', USERS[op.user], 'ADJUSTMENT', op.amount);
      break;
    default:
      if (count === 0) return;
      book[op.op]((op.pick % count) + 1);
  }
}

/** The totals each account should have, recomputed from the transfers alone. */
function recomputed(book: LedgerBook): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const id of book.accounts.keys())
    totals.set(id, { creditsPosted: 0, debitsPosted: 0, creditsPending: 0, debitsPending: 0 });
  for (const t of book.transfers) {
    if (t.phase === 'post' || t.phase === 'void') continue;
    const status = book.statusOf(t.id);
    if (status === 'voided') continue;
    const [debit, credit] = [totals.get(t.debit)!, totals.get(t.credit)!];
    if (status === 'posted') {
      debit.debitsPosted += t.amount;
      credit.creditsPosted += t.amount;
    } else {
      debit.debitsPending += t.amount;
      credit.creditsPending += t.amount;
    }
  }
  return totals;
}

function checkInvariants(book: LedgerBook): void {
  let sum = 0;
  let pendingSum = 0;
  const expected = recomputed(book);
  for (const [id, account] of book.accounts) {
    if (account.kind === 'user') {
      expect(available(account.totals)).toBeGreaterThanOrEqual(0);
      expect(balance(account.totals)).toBeGreaterThanOrEqual(0);
    }
    sum += balance(account.totals);
    pendingSum += pendingNet(account.totals);
    expect(account.totals).toEqual(expected.get(id));
  }
  expect(sum).toBe(0);
  expect(pendingSum).toBe(0);
}

describe('the ledger rules', () => {
  it('keep every invariant for any sequence of award, post, void, redeem, refund, adjust and reverse', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (ops) => {
        const book = freshBook();
        for (const op of ops) {
          run(book, op);
          checkInvariants(book);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('posts or voids a pending transfer once, and never a posted one', () => {
    const book = freshBook();
    const award = book.transfer('pending', 'ISSUANCE', 'u1', 10);
    if (typeof award === 'string') throw new Error(award);
    expect(book.post(award.id)).toMatchObject({ phase: 'post', pendingId: award.id });
    expect(book.post(award.id)).toBe(ErrorCode.TransferNotPending);
    expect(book.void(award.id)).toBe(ErrorCode.TransferNotPending);
    const single = book.transfer('single', 'ISSUANCE', 'u1', 5) as { id: number };
    expect(book.post(single.id)).toBe(ErrorCode.TransferNotPending);
  });

  it('refuses to spend points that are pending or already spent', () => {
    const book = freshBook();
    book.transfer('pending', 'ISSUANCE', 'u1', 10);
    expect(book.transfer('single', 'u1', 'REDEMPTION', 1)).toBe(ErrorCode.InsufficientPoints);
    book.transfer('single', 'ISSUANCE', 'u1', 10);
    expect(book.transfer('single', 'u1', 'REDEMPTION', 3)).toMatchObject({ amount: 3 });
    expect(book.transfer('single', 'u1', 'REDEMPTION', 8)).toBe(ErrorCode.InsufficientPoints);
  });

  it('reverses a posted transfer once, and refuses a reversal the user can no longer cover', () => {
    const book = freshBook();
    const award = book.transfer('single', 'ISSUANCE', 'u1', 10) as { id: number };
    book.transfer('single', 'u1', 'REDEMPTION', 8);
    expect(book.reverse(award.id)).toBe(ErrorCode.InsufficientPoints);
    book.transfer('single', 'REDEMPTION', 'u1', 8);
    expect(book.reverse(award.id)).toMatchObject({ debit: 'u1', credit: 'ISSUANCE', reversesId: award.id });
    expect(book.reverse(award.id)).toBe(ErrorCode.TransferAlreadyReversed);
    const pending = book.transfer('pending', 'ISSUANCE', 'u2', 4) as { id: number };
    expect(book.reverse(pending.id)).toBe(ErrorCode.TransferNotPosted);
  });
});
