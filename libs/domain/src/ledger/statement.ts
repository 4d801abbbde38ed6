import type { UnitStatement } from '@redvest/contract';

/** What a member earned and spent in one period (`ledger_period_totals`). */
export interface PeriodFigures {
  earned: number;
  spent: number;
}

/**
 * A year of a member's statement from figures kept as the ledger is written, never a sum over history:
 * the year closes at today's balance less what every later year added, and opens at that less the year's own.
 */
export function yearStatement(
  balanceNow: number,
  year: PeriodFigures | undefined,
  laterYears: PeriodFigures[],
): UnitStatement {
  const later = laterYears.reduce((sum, y) => sum + y.earned - y.spent, 0);
  const closing = balanceNow - later;
  const earned = year?.earned ?? 0;
  const spent = year?.spent ?? 0;
  return { opening: closing - earned + spent, earned, spent, closing };
}
