/** The points ledger's vocabulary (DESIGN §4). */

export enum Unit {
  Points = 'points',
  Minutes = 'minutes',
}

/** Why a transfer was made. */
export enum TransferCode {
  Checkin = 'checkin',
  WishFulfilled = 'wish_fulfilled',
  Visit = 'visit',
  Redemption = 'redemption',
  Refund = 'refund',
  Adjustment = 'adjustment',
  Reversal = 'reversal',
}

export const TRANSFER_CODE_LABELS: Record<TransferCode, string> = {
  [TransferCode.Checkin]: '志愿服务签到',
  [TransferCode.WishFulfilled]: '完成微心愿',
  [TransferCode.Visit]: '入户走访',
  [TransferCode.Redemption]: '积分兑换',
  [TransferCode.Refund]: '兑换取消退回',
  [TransferCode.Adjustment]: '人工调整',
  [TransferCode.Reversal]: '冲正',
};

/** The community's own accounts: where earned points come from, where spent ones go, and corrections. */
export enum SystemAccount {
  Issuance = 'ISSUANCE',
  Redemption = 'REDEMPTION',
  Adjustment = 'ADJUSTMENT',
}

/** What a user sees of one transfer of theirs. */
export enum TransferStatus {
  Pending = 'pending',
  Posted = 'posted',
  Voided = 'voided',
  Reversed = 'reversed',
}

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  [TransferStatus.Pending]: '待审批',
  [TransferStatus.Posted]: '已入账',
  [TransferStatus.Voided]: '未通过',
  [TransferStatus.Reversed]: '已冲正',
};

/** The largest amount one transfer may move; larger ones are refused as input errors. */
export const MAX_TRANSFER_AMOUNT = 1_000_000;

export enum LeaderboardPeriod {
  Month = 'month',
  Year = 'year',
  All = 'all',
}
