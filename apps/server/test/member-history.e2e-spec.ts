import { ErrorCode, MyTransferView, Role, TransferStatus, Unit } from '@redvest/contract';
import { newId } from '../src/database/ids';
import { MemberHistory1764646200000 } from '../src/database/migrations/1764646200000-MemberHistory';
import { EARNING_CODES, periodsOf } from '../src/ledger/earnings';
import { redoMigration } from './migration-fixtures';
import { errorOf } from './errors';
import { LoggedIn, memberWith, newCommunity } from './fixtures';
import { givePoints, key, pendingAward } from './ledger-fixtures';
import { describeWithApp } from './world';

const REFUSED_CURSOR = {
  status: 400,
  code: ErrorCode.ValidationFailed,
  details: [{ field: 'cursor', message: '翻页位置无效' }],
};

interface Row {
  id: string;
  sequence: number;
  phase: string;
  code: string;
  amount: number;
  debit: string;
  credit: string;
  pendingId: string | null;
  reversesId: string | null;
  at: number;
}

const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
const ms = (value: Date | string) =>
  value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);

describeWithApp("a member's history and yearly statement, a page at a time", (w) => {
  async function accountsOf(userId: string, communityId?: string) {
    const rows: { id: string; unit: Unit; community_id: string }[] = await w.t.dataSource.query(
      `SELECT id, unit, community_id FROM ledger_accounts WHERE user_id = ?${communityId ? ' AND community_id = ?' : ''}`,
      communityId ? [userId, communityId] : [userId],
    );
    return rows;
  }

  async function rowsOn(accountIds: string[]): Promise<Row[]> {
    if (accountIds.length === 0) return [];
    const marks = accountIds.map(() => '?').join(', ');
    const rows: Record<string, unknown>[] = await w.t.dataSource.query(
      `SELECT * FROM ledger_transfers WHERE debit_account_id IN (${marks}) OR credit_account_id IN (${marks})`,
      [...accountIds, ...accountIds],
    );
    return rows.map((r) => ({
      id: r.id as string,
      sequence: Number(r.sequence),
      phase: r.phase as string,
      code: r.code as string,
      amount: Number(r.amount),
      debit: r.debit_account_id as string,
      credit: r.credit_account_id as string,
      pendingId: r.pending_id as string | null,
      reversesId: r.reverses_id as string | null,
      at: ms(r.created_at as Date | string),
    }));
  }

  /** What a history line says, worked out from every row as the history used to be read. */
  function expectedLines(
    rows: Row[],
    mine: Set<string>,
    order: 'ASC' | 'DESC',
    within: (row: Row) => boolean = () => true,
  ) {
    const status = (t: Row) => {
      const resolution = rows.find((r) => r.pendingId === t.id)?.phase;
      const posted = t.phase === 'single' || resolution === 'post';
      if (posted)
        return rows.some((r) => r.reversesId === t.id) ? TransferStatus.Reversed : TransferStatus.Posted;
      return resolution === 'void' ? TransferStatus.Voided : TransferStatus.Pending;
    };
    const sign = order === 'ASC' ? 1 : -1;
    return rows
      .filter((r) => (r.phase === 'pending' || r.phase === 'single') && within(r))
      .sort((a, b) => sign * (a.at - b.at || (a.id < b.id ? -1 : 1)))
      .map((t) => ({ id: t.id, delta: mine.has(t.credit) ? t.amount : -t.amount, status: status(t) }));
  }

  /** The yearly figures as they used to be summed over every row of the member's history. */
  function summedStatement(rows: Row[], accounts: { id: string; unit: Unit }[], year: number) {
    const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
    const end = Date.parse(`${year + 1}-01-01T00:00:00+08:00`);
    const mine = new Set(accounts.map((a) => a.id));
    const unitOf = new Map(accounts.map((a) => [a.id, a.unit]));
    const sheets = {
      [Unit.Points]: { opening: 0, earned: 0, spent: 0, closing: 0 },
      [Unit.Minutes]: { opening: 0, earned: 0, spent: 0, closing: 0 },
    };
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of [...rows].sort((a, b) => a.sequence - b.sequence)) {
      if (row.phase === 'pending' || row.phase === 'void') continue;
      const delta = mine.has(row.credit) ? row.amount : -row.amount;
      const sheet = sheets[unitOf.get(mine.has(row.credit) ? row.credit : row.debit)!];
      if (row.at < start) sheet.opening += delta;
      else if (row.at < end) {
        const code = row.code === 'reversal' ? byId.get(row.reversesId!)?.code : row.code;
        if (code && EARNING_CODES.has(code as never)) sheet.earned += delta;
        else sheet.spent -= delta;
      }
    }
    for (const sheet of Object.values(sheets)) sheet.closing = sheet.opening + sheet.earned - sheet.spent;
    return sheets;
  }

  async function allPages(
    read: (cursor?: string) => Promise<{ items: MyTransferView[]; nextCursor: string | null }>,
  ) {
    const lines: MyTransferView[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await read(cursor);
      lines.push(...page.items);
      sizes.push(page.items.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { lines: lines.map((l) => ({ id: l.id, delta: l.delta, status: l.status })), sizes };
  }

  /**
   * A member with every kind of line: adjustments both ways, awards approved, rejected and waiting, a
   * redemption and its cancellation, a redemption kept, and a reversed adjustment.
   */
  async function memberWithHistory() {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const cid = community.id;
    const member = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    const other = await memberWith(w.t, secretary, cid, [Role.Volunteer]);
    await givePoints(secretary, cid, member.userId, 50);
    await givePoints(secretary, cid, other.userId, 30);
    const approved = await pendingAward(w.t, cid, member.userId, 15, 120);
    await secretary.approvals.approve(approved.points.id);
    const rejected = await pendingAward(w.t, cid, member.userId, 5, 30);
    await secretary.approvals.reject(rejected.points.id, '未到场');
    await pendingAward(w.t, cid, member.userId, 8, 60);
    const reward = await secretary.rewards.create(cid, { name: '毛巾', cost: 12, stock: 9 });
    const cancelled = await member.rewards.redeem(reward.id, 1, key());
    await secretary.rewards.cancel(cancelled.id, { reason: '缺货' });
    await member.rewards.redeem(reward.id, 2, key());
    const wrong = await givePoints(secretary, cid, member.userId, 7);
    await secretary.points.reverse(wrong.id, '重复登记');
    await secretary.points.adjust(
      cid,
      { userId: member.userId, unit: Unit.Points, amount: -4, reason: '多发退回' },
      key(),
    );
    return { cid, secretary, member, other };
  }

  async function pagedStatement(reader: LoggedIn, cid: string, userId: string, year: number, limit: number) {
    const first = await reader.points.statement(cid, userId, year, { limit });
    const { lines, sizes } = await allPages(async (cursor) => {
      const page = cursor ? await reader.points.statement(cid, userId, year, { cursor, limit }) : first;
      return { items: page.transfers, nextCursor: page.nextCursor };
    });
    return { first, lines, sizes };
  }

  it('lists my history newest first, page after page, as every row of it says', async () => {
    const { cid, member } = await memberWithHistory();
    const accounts = await accountsOf(member.userId, cid);
    const expected = expectedLines(
      await rowsOn(accounts.map((a) => a.id)),
      new Set(accounts.map((a) => a.id)),
      'DESC',
    );
    expect(expected.length).toBe(13);
    const paged = await allPages((cursor) =>
      member.points.myTransfers({ communityId: cid, cursor, limit: 4 }),
    );
    expect(paged.sizes).toEqual([4, 4, 4, 1]);
    expect(paged.lines).toEqual(expected);
    const points = accounts.filter((a) => a.unit === Unit.Points);
    const onlyPoints = await allPages((cursor) =>
      member.points.myTransfers({ communityId: cid, unit: Unit.Points, cursor, limit: 5 }),
    );
    expect(onlyPoints.lines).toEqual(
      expectedLines(await rowsOn(points.map((a) => a.id)), new Set(points.map((a) => a.id)), 'DESC'),
    );
  });

  it('lists the history of every community I am in, and gives my balance from the account rows', async () => {
    const { cid, member } = await memberWithHistory();
    const second = await newCommunity(w.t, w.admin);
    const invitation = await second.secretary.communities.invite(second.community.id, {
      userId: member.userId,
      roles: [Role.Volunteer],
    });
    await member.invitations.accept(invitation.id);
    await givePoints(second.secretary, second.community.id, member.userId, 9);
    const accounts = await accountsOf(member.userId);
    const expected = expectedLines(
      await rowsOn(accounts.map((a) => a.id)),
      new Set(accounts.map((a) => a.id)),
      'DESC',
    );
    expect((await allPages((cursor) => member.points.myTransfers({ cursor, limit: 3 }))).lines).toEqual(
      expected,
    );
    const { accounts: mine } = await member.points.mine();
    expect(mine.map((a) => [a.communityId, a.points, a.minutes])).toEqual([
      [cid, { balance: 50 + 15 - 24 - 4, pending: 8 }, { balance: 120, pending: 60 }],
      [second.community.id, { balance: 9, pending: 0 }, { balance: 0, pending: 0 }],
    ]);
  });

  it("gives this year's statement from the running totals, as the sum over every row gives it", async () => {
    const { cid, secretary, member } = await memberWithHistory();
    const year = Number(periodsOf(new Date())[1]);
    const accounts = await accountsOf(member.userId, cid);
    const rows = await rowsOn(accounts.map((a) => a.id));
    const { first, lines, sizes } = await pagedStatement(secretary, cid, member.userId, year, 5);
    const summed = summedStatement(rows, accounts, year);
    expect({ points: first.points, minutes: first.minutes }).toEqual(summed);
    expect(first.points).toEqual({ opening: 0, earned: 50 + 15 + 7 - 7 - 4, spent: 24, closing: 37 });
    expect(sizes).toEqual([5, 5, 3]);
    expect(lines).toEqual(expectedLines(rows, new Set(accounts.map((a) => a.id)), 'ASC'));
  });

  it('gives earlier years their own figures and lines, the day of the new year by Beijing time included', async () => {
    const { cid, member } = await memberWithHistory();
    const year = Number(periodsOf(new Date())[1]);
    const accounts = await accountsOf(member.userId, cid);
    const before = (await rowsOn(accounts.map((a) => a.id))).sort((a, b) => a.sequence - b.sequence);
    // Move the first rows back in time: two years ago, last year, and 00:30 on 1 January in Beijing.
    const moved = [
      `${year - 2}-06-01T08:00:00Z`,
      `${year - 1}-03-01T08:00:00Z`,
      `${year - 1}-12-31T16:30:00Z`,
    ];
    for (const [i, at] of moved.entries()) {
      for (const row of before.slice(i * 3, i * 3 + 3)) {
        await w.t.dataSource.query('UPDATE ledger_transfers SET created_at = ? WHERE id = ?', [
          sqlTime(new Date(at)),
          row.id,
        ]);
      }
    }
    const rows = await rowsOn(accounts.map((a) => a.id));
    await rebuildTotals(cid, member.userId, rows, accounts);
    for (const y of [year - 2, year - 1, year]) {
      const { first, lines } = await pagedStatement(member, cid, member.userId, y, 2);
      expect({ points: first.points, minutes: first.minutes }).toEqual(summedStatement(rows, accounts, y));
      const mine = new Set(accounts.map((a) => a.id));
      const start = Date.parse(`${y}-01-01T00:00:00+08:00`);
      const end = Date.parse(`${y + 1}-01-01T00:00:00+08:00`);
      expect(lines).toEqual(expectedLines(rows, mine, 'ASC', (r) => r.at >= start && r.at < end));
    }
    expect((await member.points.statement(cid, member.userId, year - 2)).points.opening).toBe(0);
  });

  /** The member's period totals as the rows now say them (their times were moved behind the ledger's back). */
  async function rebuildTotals(
    cid: string,
    userId: string,
    rows: Row[],
    accounts: { id: string; unit: Unit }[],
  ) {
    const unitOf = new Map(accounts.map((a) => [a.id, a.unit]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const totals = new Map<string, { unit: Unit; period: string; earned: number; spent: number }>();
    for (const row of rows) {
      if (row.phase !== 'single' && row.phase !== 'post') continue;
      const mineCredit = unitOf.has(row.credit);
      const delta = mineCredit ? row.amount : -row.amount;
      const unit = unitOf.get(mineCredit ? row.credit : row.debit)!;
      const code = row.code === 'reversal' ? byId.get(row.reversesId!)?.code : row.code;
      for (const period of periodsOf(new Date(row.at))) {
        const total = totals.get(`${unit}|${period}`) ?? { unit, period, earned: 0, spent: 0 };
        if (code && EARNING_CODES.has(code as never)) total.earned += delta;
        else total.spent -= delta;
        totals.set(`${unit}|${period}`, total);
      }
    }
    await w.t.dataSource.query('DELETE FROM ledger_period_totals WHERE community_id = ? AND user_id = ?', [
      cid,
      userId,
    ]);
    for (const t of totals.values()) {
      await w.t.dataSource.query(
        'INSERT INTO ledger_period_totals (community_id, unit, period, user_id, earned, spent) VALUES (?, ?, ?, ?, ?, ?)',
        [cid, t.unit, t.period, userId, t.earned, t.spent],
      );
    }
  }

  it('gives an empty page to a member with no history, and a null cursor when the last page is full', async () => {
    const { community, secretary } = await newCommunity(w.t, w.admin);
    const newcomer = await memberWith(w.t, secretary, community.id, [Role.Volunteer]);
    expect(await newcomer.points.myTransfers()).toEqual({ items: [], nextCursor: null });
    const year = Number(periodsOf(new Date())[1]);
    const empty = await newcomer.points.statement(community.id, newcomer.userId, year);
    expect(empty).toMatchObject({ transfers: [], nextCursor: null });
    expect(empty.points).toEqual({ opening: 0, earned: 0, spent: 0, closing: 0 });
    const { cid, member } = await memberWithHistory();
    const whole = await member.points.myTransfers({ communityId: cid, limit: 13 });
    expect(whole.items).toHaveLength(13);
    expect(whole.nextCursor).toBeNull();
    const last = whole.items[12].id;
    expect(await member.points.myTransfers({ communityId: cid, cursor: last })).toEqual({
      items: [],
      nextCursor: null,
    });
    const statement = await member.points.statement(cid, member.userId, year, { limit: 13 });
    expect(statement.nextCursor).toBeNull();
    const end = await member.points.statement(cid, member.userId, year, {
      cursor: statement.transfers[12].id,
    });
    expect(end).toMatchObject({ transfers: [], nextCursor: null, points: statement.points });
  });

  it('refuses a cursor that is malformed or names no line of this list', async () => {
    const { cid, member, other, secretary } = await memberWithHistory();
    const year = Number(periodsOf(new Date())[1]);
    const [theirs] = (await other.points.myTransfers()).items;
    const [postingRow] = await w.t.dataSource.query(
      "SELECT t.id FROM ledger_transfers t JOIN ledger_accounts a ON a.id = t.credit_account_id WHERE a.user_id = ? AND t.phase = 'post'",
      [member.userId],
    );
    const [minutesLine] = (await member.points.myTransfers({ unit: Unit.Minutes })).items;
    for (const cursor of ['x'.repeat(20), `${newId()}x`, newId(), theirs.id, postingRow.id]) {
      expect(await errorOf(member.points.myTransfers({ cursor }))).toMatchObject(REFUSED_CURSOR);
      expect(await errorOf(member.points.statement(cid, member.userId, year, { cursor }))).toMatchObject(
        REFUSED_CURSOR,
      );
    }
    expect(
      await errorOf(member.points.myTransfers({ unit: Unit.Points, cursor: minutesLine.id })),
    ).toMatchObject(REFUSED_CURSOR);
    const [line] = (await member.points.myTransfers()).items;
    expect(
      await errorOf(secretary.points.statement(cid, member.userId, year - 1, { cursor: line.id })),
    ).toMatchObject({
      ...REFUSED_CURSOR,
      message: '填写的内容有误，请检查后再提交',
    });
  });

  it('keeps what its migration fills in: the spending of every member in every period', async () => {
    await memberWithHistory();
    const totals = () =>
      w.t.dataSource.query(
        'SELECT community_id, unit, period, user_id, earned, spent FROM ledger_period_totals WHERE spent <> 0 ORDER BY community_id, unit, period, user_id',
      );
    const kept = await totals();
    expect(kept.length).toBeGreaterThan(0);
    await redoMigration(w.t.dataSource, new MemberHistory1764646200000());
    expect(await totals()).toEqual(kept);
  });
});
