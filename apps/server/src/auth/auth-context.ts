import { Role } from '@redvest/contract';
import type { CallerStanding } from '@redvest/domain';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Membership } from '../communities/membership.entity';
import { User } from '../users/user.entity';

export interface CommunityAccess {
  communityId: string;
  membership: Membership;
  granted: Role[];
  /** Granted roles and every role they include. */
  roles: Set<Role>;
  branchCompoundIds: string[];
}

/** The caller's standing as the rules in libs/domain take it. */
export function standingOf(access: CommunityAccess, userId: string): CallerStanding {
  return { userId, granted: access.granted, branchCompoundIds: access.branchCompoundIds };
}

/** Who is calling, as the access guard established it. */
export interface AuthContext {
  user: User;
  /** The token this request came with (its id and expiry), for 退出登录. */
  token: { jti: string; expiresAt: Date };
  isPlatformAdmin: boolean;
  /** Set on community and resource routes: the caller's standing in the community concerned. */
  community?: CommunityAccess;
}

export interface AuthedRequest {
  auth?: AuthContext;
}

export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new Error('Auth() used on a route without a logged-in caller');
  return auth;
});

/** The caller's standing in the community of a community or resource route. */
export const Member = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommunityAccess => {
  const community = ctx.switchToHttp().getRequest<AuthedRequest>().auth?.community;
  if (!community) throw new Error('Member() used on a route that is not community-scoped');
  return community;
});
