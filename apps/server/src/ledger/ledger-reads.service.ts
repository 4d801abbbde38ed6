import {
  ErrorCode,
  LeaderboardPeriod,
  LeaderboardResponse,
  MyDataExport,
  MyPointsResponse,
  MyTransferView,
  Page,
  Role,
  StatementResponse,
  toIsoLocal,
  TransferStatus,
  Unit,
} from '@redvest/contract';
import { balance, maskName, pendingNet, yearStatement } from '@redvest/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CommunityAccess } from '../auth/auth-context';
import { DomainError } from '../common/domain-error';
import { pageOf } from '../common/paging';
import { Community } from '../communities/community.entity';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { periodsOf } from './earnings';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerTransfer } from './ledger-transfer.entity';
import { memberNames } from '../communities/member-names';
import { PeriodTotal } from './period-total.entity';
import { historyCursor, historyPage } from './transfer-history';
import { statusesOf, transferView } from './transfer-views';

const ZERO = { balance: 0, pending: 0 };

/** What members and secretaries read of the ledger; balances are O(1) reads of the account rows. */
@Injectable()
export class LedgerReadsService {
  constructor(private readonly db: Db) {}

  async myPoints(userId: string): Promise<MyPointsResponse> {
    return this.db.read(async (em) => {
      const memberships = await em.find(Membership, { where: { userId }, order: { joinedAt: 'ASC' } });
      const accounts = await em.find(LedgerAccount, { where: { userId } });
      const communities = memberships.length
        ? await em.find(Community, { where: { id: In(memberships.map((m) => m.communityId)) } })
        : [];
      const summary = (communityId: string, unit: Unit) => {
        const account = accounts.find((a) => a.communityId === communityId && a.unit === unit);
        return account ? { balance: balance(account), pending: pendingNet(account) } : ZERO;
      };
      return {
        accounts: memberships.map(({ communityId }) => ({
          communityId,
          communityName: communities.find((c) => c.id === communityId)?.name ?? '',
          points: summary(communityId, Unit.Points),
          minutes: summary(communityId, Unit.Minutes),
        })),
      };
    });
  }

  /** My transfers, newest first, in one community or all; posting and voiding rows show as a status. */
  async myTransfers(
    userId: string,
    filter: { communityId?: string; unit?: Unit; cursor?: string; limit?: number },
  ): Promise<Page<MyTransferView>> {
    const limit = filter.limit ?? 20;
    return this.db.read(async (em) => {
      const accounts = await em.find(LedgerAccount, {
        where: {
          userId,
          ...(filter.communityId ? { communityId: filter.communityId } : {}),
          ...(filter.unit ? { unit: filter.unit } : {}),
        },
      });
      const range = { accountIds: accounts.map((a) => a.id), order: 'DESC' as const };
      const after = await historyCursor(em, range, filter.cursor);
      const { items, nextCursor } = pageOf(
        await historyPage(em, range, after, limit + 1),
        limit,
        (t) => t.id,
      );
      return { items: await this.mine(em, items, new Set(range.accountIds)), nextCursor };
    });
  }

  async leaderboard(
    access: CommunityAccess,
    userId: string,
    period: LeaderboardPeriod,
    unit: Unit,
    limit: number,
  ): Promise<LeaderboardResponse> {
    const [all, year, month] = periodsOf(new Date());
    const periodKey =
      period === LeaderboardPeriod.All ? all : period === LeaderboardPeriod.Year ? year : month;
    return this.db.read(async (em) => {
      // Members only: someone who left (or deleted their account) keeps their points but leaves the list.
      // Both reads are ranges of the board index alone (community, unit, period, is_member, earned, user_id).
      const board = () =>
        em
          .createQueryBuilder(PeriodTotal, 't')
          .where(
            't.community_id = :communityId AND t.unit = :unit AND t.period = :period AND t.is_member = 1',
            {
              communityId: access.communityId,
              unit,
              period: periodKey,
            },
          );
      const top = await board()
        .select(['t.userId', 't.earned'])
        .andWhere('t.earned > 0')
        .orderBy('t.earned', 'DESC')
        .addOrderBy('t.user_id', 'DESC')
        .limit(limit)
        .getMany();
      const names = await memberNames(
        em,
        access.communityId,
        top.map((t) => t.userId),
      );
      const rankOf = async (earned: number) => {
        const above = await board()
          .andWhere('t.earned > :earned', { earned })
          .select('COUNT(*)', 'n')
          .getRawOne<{ n: string | number }>();
        return 1 + Number(above?.n ?? 0);
      };
      const items: LeaderboardResponse['items'] = [];
      for (const [index, row] of top.entries()) {
        const previous = items[index - 1];
        const rank = previous && previous.earned === row.earned ? previous.rank : index + 1;
        items.push({
          rank,
          // The row's place in this list: enough for the app to tell rows apart, and it names nobody.
          key: String(index + 1),
          name: maskName(names.get(row.userId) ?? ''),
          earned: row.earned,
        });
      }
      const mine = await em.findOne(PeriodTotal, {
        where: { communityId: access.communityId, unit, period: periodKey, userId },
      });
      return {
        period,
        periodKey,
        unit,
        items,
        me: mine && mine.earned > 0 ? { rank: await rankOf(mine.earned), earned: mine.earned } : null,
      };
    });
  }

  /**
   * A member's year: opening and closing balances, what was earned and spent (from the account rows and
   * the yearly totals, never a sum over history), and the year's transfers a page at a time.
   */
  async statement(
    access: CommunityAccess,
    callerId: string,
    userId: string,
    { year, cursor, limit = 20 }: { year: number; cursor?: string; limit?: number },
  ): Promise<StatementResponse> {
    if (callerId !== userId && !access.roles.has(Role.Secretary)) throw new DomainError(ErrorCode.Forbidden);
    return this.db.read(async (em) => {
      const membership = await em.findOne(Membership, { where: { communityId: access.communityId, userId } });
      const accounts = await em.find(LedgerAccount, { where: { communityId: access.communityId, userId } });
      // A former member's statement stays available to the secretary: their accounts are still here.
      if (!membership && accounts.length === 0) throw new DomainError(ErrorCode.MemberNotFound);
      const range = {
        accountIds: accounts.map((a) => a.id),
        order: 'ASC' as const,
        from: new Date(`${year}-01-01T00:00:00+08:00`),
        to: new Date(`${year + 1}-01-01T00:00:00+08:00`),
      };
      const after = await historyCursor(em, range, cursor);
      const community = await em.findOneOrFail(Community, { where: { id: access.communityId } });
      const [, thisYear] = periodsOf(new Date());
      const years = Array.from({ length: Math.max(0, Number(thisYear) + 1 - year) + 1 }, (_, i) =>
        String(year + i),
      );
      // Both units named, so the primary key finds each row instead of ranging over the community.
      const totals = await em.find(PeriodTotal, {
        where: {
          communityId: access.communityId,
          unit: In([Unit.Points, Unit.Minutes]),
          period: In(years),
          userId,
        },
      });
      const sheet = (unit: Unit) => {
        const account = accounts.find((a) => a.unit === unit);
        const ofUnit = totals.filter((t) => t.unit === unit);
        return yearStatement(
          account ? balance(account) : 0,
          ofUnit.find((t) => t.period === String(year)),
          ofUnit.filter((t) => Number(t.period) > year),
        );
      };
      const { items, nextCursor } = pageOf(
        await historyPage(em, range, after, limit + 1),
        limit,
        (t) => t.id,
      );
      const names = await memberNames(em, access.communityId, [userId]);
      return {
        communityId: access.communityId,
        communityName: community.name,
        userId,
        name: names.get(userId) ?? '',
        year,
        points: sheet(Unit.Points),
        minutes: sheet(Unit.Minutes),
        transfers: await this.mine(em, items, new Set(range.accountIds)),
        nextCursor,
      };
    });
  }

  /**
   * The status of the awards made for these records, by the reference each award names (`attendance` and
   * its id), per record and unit; a record without an award is not in the map. Takes the caller's entity
   * manager, so an award made earlier in the same transaction counts.
   */
  async awardStatus(
    em: EntityManager,
    { refType, refIds }: { refType: string; refIds: string[] },
  ): Promise<Map<string, Partial<Record<Unit, TransferStatus>>>> {
    const byRecord = new Map<string, Partial<Record<Unit, TransferStatus>>>();
    if (refIds.length === 0) return byRecord;
    // The award rows themselves: posting and voiding rows carry the same reference.
    const awards = await em.find(LedgerTransfer, {
      where: { refType, refId: In(refIds), phase: In(['pending', 'single']) },
    });
    const statuses = await statusesOf(em, awards);
    for (const award of awards) {
      const units = byRecord.get(award.refId!) ?? {};
      units[award.unit] = statuses.get(award.id);
      byRecord.set(award.refId!, units);
    }
    return byRecord;
  }

  /** Points each of these members earned in a period (`2026`, `2026-11`, `all`), by user id. */
  async pointsEarned(
    em: EntityManager,
    communityId: string,
    period: string,
    userIds: string[],
  ): Promise<Map<string, number>> {
    const totals = await em.find(PeriodTotal, {
      where: { communityId, unit: Unit.Points, period, userId: In(userIds) },
    });
    return new Map(totals.map((t) => [t.userId, t.earned]));
  }

  /** A user's accounts and transfers in every community, for 导出我的数据 (read in the export's snapshot). */
  async myDataExport(em: EntityManager, userId: string): Promise<MyDataExport['points']> {
    const accounts = await em.find(LedgerAccount, {
      where: { userId },
      order: { communityId: 'ASC', unit: 'ASC' },
    });
    const mine = new Set(accounts.map((a) => a.id));
    const transfers = accounts.length
      ? await em.find(LedgerTransfer, {
          where: [
            { debitAccountId: In([...mine]), phase: In(['pending', 'single']) },
            { creditAccountId: In([...mine]), phase: In(['pending', 'single']) },
          ],
          order: { id: 'ASC' },
        })
      : [];
    const statuses = await statusesOf(em, transfers);
    return {
      accounts: accounts.map((a) => ({
        communityId: a.communityId,
        unit: a.unit,
        balance: balance(a),
        pending: pendingNet(a),
        creditsPosted: a.creditsPosted,
        debitsPosted: a.debitsPosted,
      })),
      transfers: transfers.map((t) => ({
        id: t.id,
        communityId: t.communityId,
        unit: t.unit,
        delta: mine.has(t.creditAccountId) ? t.amount : -t.amount,
        code: t.code,
        memo: t.memo,
        status: statuses.get(t.id)!,
        createdAt: toIsoLocal(t.createdAt),
      })),
    };
  }

  private async mine(
    em: EntityManager,
    rows: LedgerTransfer[],
    myAccounts: Set<string>,
  ): Promise<MyTransferView[]> {
    const statuses = await statusesOf(em, rows);
    return rows.map((t) => {
      const status = statuses.get(t.id) ?? TransferStatus.Posted;
      return { ...transferView(t, status), delta: myAccounts.has(t.creditAccountId) ? t.amount : -t.amount };
    });
  }
}
