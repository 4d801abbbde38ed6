import { MyPointsAccount, MyPointsResponse } from '@redvest/contract';
import { api } from '../services/api';
import { getCurrentCommunityId, getToken } from '../services/session';
import { AsyncState, useAsync, usePullToRefresh, useShownAgain } from './useAsync';

/**
 * My points in every community (`GET /api/me/points`): loaded on mount, again when the page is shown again
 * (back from a redemption, say) and on pull-down.
 */
export function useMyPoints(options: { skip?: boolean } = {}): AsyncState<MyPointsResponse> {
  const skip = Boolean(options.skip) || getToken() === null;
  const state = useAsync(() => api.points.mine(), [], { skip });
  useShownAgain(() => {
    if (!skip) void state.reload();
  });
  usePullToRefresh(() => (skip ? Promise.resolve() : state.reload()));
  return state;
}

/** The account to show first: the one asked for, else the community picked on 首页, else the first. */
export function pickAccount(
  accounts: MyPointsAccount[] | undefined,
  communityId?: string | null,
): MyPointsAccount | undefined {
  if (!accounts?.length) return undefined;
  const wanted = communityId ?? getCurrentCommunityId();
  return accounts.find((account) => account.communityId === wanted) ?? accounts[0];
}
