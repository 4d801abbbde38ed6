import { CreateActivityRequest, Role } from '@redvest/contract';
import { encodeCode, rotatingWindow } from '@redvest/domain';
import { codeSigner } from '../src/checkins/checkin-token';
import { LoggedIn, memberWith } from './fixtures';
import { TestApp } from './harness';

const MINUTE = 60_000;
export const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();

/** An activity around now: by default it started 60 minutes ago and ends in 60. */
export async function activity(
  secretary: LoggedIn,
  communityId: string,
  overrides: Partial<CreateActivityRequest> = {},
) {
  return secretary.activities.create(communityId, {
    title: '社区环境整治',
    category: '环境整治',
    place: '阳光里小区中心花园',
    startAt: minutesFromNow(-60),
    endAt: minutesFromNow(60),
    pointsRule: { kind: 'per_attendance', points: 10 },
    ...overrides,
  });
}

/** A code as the server would have shown it at `at` (for offline scans made in the past). */
export function codeAt(
  t: TestApp,
  activityNumber: number,
  at: Date,
  kind: 'rotating' | 'poster' = 'rotating',
): string {
  return encodeCode(codeSigner(t.config.appSecret), {
    kind,
    activityNumber,
    window: kind === 'poster' ? 0 : rotatingWindow(at),
  });
}

export const volunteer = (t: TestApp, secretary: LoggedIn, communityId: string) =>
  memberWith(t, secretary, communityId, [Role.Volunteer]);

/** The secretary approves every award waiting for `userId`: a certificate lists only approved service. */
export async function approveAwardsOf(
  secretary: LoggedIn,
  communityId: string,
  userId: string,
): Promise<void> {
  const waiting = (await secretary.approvals.queue(communityId)).items.filter(
    (item) => item.userId === userId,
  );
  // The points and the minutes of one attendance are linked: approving one approves both.
  const decided = new Set<string>();
  for (const item of waiting) {
    if (item.linkId && decided.has(item.linkId)) continue;
    if (item.linkId) decided.add(item.linkId);
    await secretary.approvals.approve(item.transferId);
  }
}
