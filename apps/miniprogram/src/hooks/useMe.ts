import { useEffect, useMemo, useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { MeResponse, MembershipStatus, MembershipView, Role } from '@redvest/contract';
import { effectiveRoles, hasAnyRole } from '@redvest/domain';
import { api } from '../services/api';
import { rememberElderlyMode } from '../services/elderly-mode';
import { getCurrentCommunityId, getToken, goToLogin, PRIVACY_PAGE } from '../services/session';
import { AsyncState, useAsync, usePullToRefresh } from './useAsync';

export function needsPrivacyConsent(me: MeResponse): boolean {
  return me.privacy.agreedVersion !== me.privacy.currentVersion;
}

export function isSecretary(membership: MembershipView): boolean {
  return (
    membership.status === MembershipStatus.Active && effectiveRoles(membership.roles).has(Role.Secretary)
  );
}

/** Looks after households (包干到户): a party member, group leader included, verified in the community. */
export function isPartyMember(membership: MembershipView | undefined): boolean {
  return (
    membership?.status === MembershipStatus.Active && effectiveRoles(membership.roles).has(Role.PartyMember)
  );
}

/** May decide on pending points (积分审批): a community secretary, or a branch secretary for their compounds. */
export function canApprovePoints(membership: MembershipView): boolean {
  return (
    membership.status === MembershipStatus.Active &&
    effectiveRoles(membership.roles).has(Role.BranchSecretary)
  );
}

/** May give 年度评价: a group leader (小组), a branch secretary (支部) or a secretary (社区), verified. */
export function canEvaluate(membership: MembershipView): boolean {
  return (
    membership.status === MembershipStatus.Active &&
    hasAnyRole(membership.roles, [Role.GroupLeader, Role.BranchSecretary])
  );
}

/** The community to show: the one chosen last, else the first verified one, else the first at all. */
export function currentMembership(me: MeResponse | undefined): MembershipView | undefined {
  if (!me?.memberships.length) return undefined;
  const chosen = getCurrentCommunityId();
  return (
    me.memberships.find((m) => m.communityId === chosen) ??
    me.memberships.find((m) => m.status === MembershipStatus.Active) ??
    me.memberships[0]
  );
}

/**
 * The logged-in user (`GET /api/me`) for a page: sends a visitor without a token to the login page and a user
 * who has not agreed to the current privacy notice to it, reloads when the page is shown again (after joining
 * a community, say) and on pull-down.
 */
export function useMe(): AsyncState<MeResponse> {
  const loggedIn = useMemo(() => getToken() !== null, []);
  const state = useAsync(() => api.me.get(), [], { skip: !loggedIn });
  const shown = useRef(false);

  useEffect(() => {
    if (!loggedIn) goToLogin();
  }, [loggedIn]);

  useEffect(() => {
    if (!state.data) return;
    rememberElderlyMode(state.data.settings.elderlyMode);
    if (needsPrivacyConsent(state.data)) void Taro.reLaunch({ url: PRIVACY_PAGE });
  }, [state.data]);

  useDidShow(() => {
    // The first show is the mount, which loads already.
    if (shown.current && getToken()) void state.reload();
    shown.current = true;
  });
  usePullToRefresh(state.reload);
  // Without a token the page is on its way to the login page: keep showing the loading state.
  return loggedIn ? state : { ...state, loading: true };
}

/** For pages that need no data of their own: a visitor without a token goes to the login page. */
export function useRequireLogin(): void {
  useEffect(() => {
    if (!getToken()) goToLogin();
  }, []);
}
