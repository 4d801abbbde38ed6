import { ApprovalItem, Unit } from '@redvest/contract';
import { formatDuration } from '../../services/format';

/** What the secretary decides on at once: one award, or the points and minutes of one attendance (one linkId). */
export interface ApprovalGroup {
  key: string;
  /** The transfer to send (the first listed): deciding it decides every transfer linked to it. */
  transferId: string;
  transferIds: string[];
  userName: string;
  codeLabel: string;
  memo: string | null;
  createdAt: string;
  points: number;
  minutes: number;
}

/** Folds linked transfers into one group, in the order the queue lists them. */
export function groupApprovals(items: ApprovalItem[]): ApprovalGroup[] {
  const groups = new Map<string, ApprovalGroup>();
  for (const item of items) {
    const key = item.linkId ?? item.transferId;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        transferId: item.transferId,
        transferIds: [],
        userName: item.userName,
        codeLabel: item.codeLabel,
        memo: item.memo,
        createdAt: item.createdAt,
        points: 0,
        minutes: 0,
      };
      groups.set(key, group);
    }
    group.transferIds.push(item.transferId);
    if (item.unit === Unit.Minutes) group.minutes += item.amount;
    else group.points += item.amount;
  }
  return [...groups.values()];
}

/** `15 积分 + 2 小时`, `15 积分`, `2 小时`. */
export function groupAmount(group: Pick<ApprovalGroup, 'points' | 'minutes'>): string {
  const parts: string[] = [];
  if (group.points) parts.push(`${group.points} 积分`);
  if (group.minutes) parts.push(formatDuration(group.minutes));
  return parts.join(' + ');
}
