// The writes the fault and cluster scripts send, each as a request that can be sent again as it was
// (keyed writes with the same idempotency key), and that says what to look for in the database.
import { randomBytes } from 'node:crypto';

export const newKey = (prefix, kind) => `${prefix}-${kind}-${randomBytes(6).toString('hex')}`;

/** A secretary's manual adjustment of a member's points. */
export function adjustment(secretary, world, person, { amount, reason, key }) {
  const body = { userId: person.userId, unit: 'points', amount, reason };
  return {
    kind: 'adjust',
    key,
    body,
    send: () =>
      secretary('POST', `/api/communities/${world.cid}/adjustments`, {
        body,
        headers: { 'idempotency-key': key },
      }),
  };
}

export function approval(secretary, transferId) {
  return {
    kind: 'approve',
    transferId,
    send: () => secretary('POST', `/api/approvals/${transferId}/approve`),
  };
}

/** A member's redemption of one of the world's reward. */
export function redemption(member, world, person, { key }) {
  const body = { quantity: 1 };
  return {
    kind: 'redeem',
    key,
    body,
    token: person.token,
    send: () =>
      member('POST', `/api/rewards/${world.rewardId}/redeem`, {
        body,
        headers: { 'idempotency-key': key },
      }),
  };
}
