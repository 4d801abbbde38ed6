import { NumberRange, TextLimit } from './limits';
import type { PageRequest } from './api';
import { LeaderboardPeriod, TransferCode, TransferStatus, Unit } from './ledger';

/** Bodies of the ledger's routes (DESIGN §4, §7). Amounts are whole numbers of points or minutes. */

export interface ReferenceView {
  type: string;
  id: string;
}

export interface TransferView {
  id: string;
  communityId: string;
  unit: Unit;
  amount: number;
  code: TransferCode;
  /** The reason in Chinese, e.g. 志愿服务签到. */
  codeLabel: string;
  memo: string | null;
  reference: ReferenceView | null;
  linkId: string | null;
  status: TransferStatus;
  createdAt: string;
  createdBy: string | null;
}

/** One line of my history: `delta` is signed, positive when the points came to me. */
export interface MyTransferView extends TransferView {
  delta: number;
}

export interface PointsSummary {
  balance: number;
  pending: number;
}

export interface MyPointsAccount {
  communityId: string;
  communityName: string;
  points: PointsSummary;
  minutes: PointsSummary;
}

export interface MyPointsResponse {
  accounts: MyPointsAccount[];
}

export interface ApprovalItem {
  transferId: string;
  userId: string;
  /** The member's real name, or the WeChat nickname before they gave one. */
  userName: string;
  unit: Unit;
  amount: number;
  code: TransferCode;
  codeLabel: string;
  memo: string | null;
  reference: ReferenceView | null;
  linkId: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface RejectRequest {
  reason: string;
}

export interface DecisionResult {
  /** The transfer decided and every transfer linked to it, with their new status. */
  items: TransferView[];
}

export interface BatchDecisionRequest {
  transferIds: string[];
  action: 'approve' | 'reject';
  reason?: string;
}

export interface BatchDecisionResponse {
  results: { transferId: string; ok: boolean; error?: { code: string; message: string } }[];
}

export interface AdjustmentRequest {
  userId: string;
  unit: Unit;
  /** Positive credits the member, negative debits. */
  amount: number;
  reason: string;
}

export interface ReverseRequest {
  reason: string;
}

export interface LeaderboardEntry {
  rank: number;
  /** Tells the rows of this one list apart; it identifies nobody (residents see no user ids). */
  key: string;
  /** Masked (张*东). */
  name: string;
  earned: number;
}

export interface LeaderboardResponse {
  period: LeaderboardPeriod;
  /** `all`, `2026` or `2026-11`. */
  periodKey: string;
  unit: Unit;
  items: LeaderboardEntry[];
  me: { rank: number; earned: number } | null;
}

export interface UnitStatement {
  opening: number;
  earned: number;
  spent: number;
  closing: number;
}

export interface StatementResponse {
  communityId: string;
  communityName: string;
  userId: string;
  name: string;
  year: number;
  points: UnitStatement;
  minutes: UnitStatement;
  /** A page of the year's transfers, oldest first; `nextCursor` asks for the next. */
  transfers: MyTransferView[];
  nextCursor: string | null;
}

export interface LedgerVerification {
  ok: boolean;
  transfers: number;
  accounts: number;
  firstBroken: { sequence: number; transferId: string | null; problem: string } | null;
  problems: string[];
}

export interface RewardView {
  id: string;
  communityId: string;
  name: string;
  description: string | null;
  photoUrl: string | null;
  cost: number;
  stock: number;
  active: boolean;
}

/** The station's goods and orders. */
export const REWARD_LIMITS = {
  name: { max: 40, required: true },
  description: { max: 200, multiline: true },
  photoUrl: { max: 255 },
  cost: { min: 1, max: 100_000 },
  stock: { min: 0, max: 100_000 },
  /** Items of one reward in one order. */
  quantity: { min: 1, max: 20 },
  cancelReason: { max: 100, multiline: true },
} as const satisfies Record<string, TextLimit | NumberRange>;

export interface CreateRewardRequest {
  name: string;
  cost: number;
  stock: number;
  description?: string;
  photoUrl?: string;
}

export type UpdateRewardRequest = Partial<CreateRewardRequest> & { active?: boolean };

export interface RedeemRequest {
  quantity?: number;
}

export type RedemptionStatus = 'placed' | 'picked_up' | 'cancelled';

export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  placed: '待领取',
  picked_up: '已领取',
  cancelled: '已取消',
};

export interface RedemptionView {
  id: string;
  communityId: string;
  rewardId: string;
  rewardName: string;
  userId: string;
  userName: string;
  quantity: number;
  unitCost: number;
  total: number;
  status: RedemptionStatus;
  createdAt: string;
  closedAt: string | null;
  cancelReason: string | null;
}

export interface CancelRedemptionRequest {
  reason?: string;
}

export interface RedemptionsQuery extends PageRequest {
  status?: RedemptionStatus;
}

export interface RewardsQuery {
  /** '1': the goods taken off sale too (secretaries). */
  all?: '0' | '1';
}

export interface MyTransfersQuery extends PageRequest {
  communityId?: string;
  unit?: Unit;
}

export interface LeaderboardQuery {
  period?: LeaderboardPeriod;
  unit?: Unit;
  limit?: number;
}

/** The year's transfers come a page at a time, oldest first; the figures are the whole year's. */
export interface StatementQuery extends PageRequest {
  year: number;
}
