import { ErrorCode, policyFor, RouteAccess } from '@redvest/contract';
import { effectiveRoles } from '@redvest/domain';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MembershipStatus } from '@redvest/contract';
import { Community } from '../communities/community.entity';
import { findMembership } from '../communities/membership-lookup';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { columnsOf, hydrate } from '../database/rows';
import { User } from '../users/user.entity';
import { AuthContext, AuthedRequest, CommunityAccess } from './auth-context';
import { ResourceCommunities } from './resource-communities';
import { TokenService } from './token.service';

type Request = FastifyRequest & AuthedRequest;

/**
 * Enforces the role-by-route table of `@redvest/contract` on every route (DESIGN §1):
 * no token → 401; not a member of the community in the path → 403; an id of a community the caller
 * does not belong to → 404; a member without the role → 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly db: Db,
    private readonly tokens: TokenService,
    private readonly resources: ResourceCommunities,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const policy = policyFor(request.method, request.routeOptions.url ?? '');
    if (!policy)
      throw new Error(`Route ${request.method} ${request.routeOptions.url} is not in the route table`);
    const access: RouteAccess = policy.access;
    if (access.access === 'public') return true;

    const { user, token } = await this.authenticate(request);
    const auth: AuthContext = {
      user,
      token,
      isPlatformAdmin: this.config.platformAdminOpenids.includes(user.openid),
    };
    request.auth = auth;
    const params = request.params as Record<string, string>;

    switch (access.access) {
      case 'user':
        return true;
      case 'platform_admin':
        if (!auth.isPlatformAdmin) throw new DomainError(ErrorCode.Forbidden);
        return true;
      case 'community': {
        const community = await this.communityAccess(params.cid, user.id);
        if (!community) {
          if (access.platformAdminToo && auth.isPlatformAdmin) return this.communityExists(params.cid);
          throw new DomainError(ErrorCode.NotCommunityMember);
        }
        auth.community = community;
        if (community.membership.status !== MembershipStatus.Active && !access.pendingToo) {
          if (!(access.platformAdminToo && auth.isPlatformAdmin))
            throw new DomainError(ErrorCode.MembershipPending);
        }
        if (!access.roles.some((role) => community.roles.has(role))) {
          if (access.platformAdminToo && auth.isPlatformAdmin) return true;
          throw new DomainError(ErrorCode.Forbidden);
        }
        return true;
      }
      case 'resource': {
        const communityOf = this.resources.resolverFor(access.resource);
        if (!communityOf) throw new Error(`No community resolver for ${access.resource}`);
        const id = params[access.param];
        const communityId = await this.db.read((em) => communityOf(em, id));
        const community = communityId ? await this.communityAccess(communityId, user.id) : null;
        if (!community || community.membership.status !== MembershipStatus.Active) {
          throw new DomainError(ErrorCode.NotFound);
        }
        auth.community = community;
        if (!access.roles.some((role) => community.roles.has(role)))
          throw new DomainError(ErrorCode.Forbidden);
        return true;
      }
    }
  }

  /**
   * A signed, unexpired token whose user exists, was not ended by 退出登录 (revoked_tokens) and was issued
   * under the user's current token generation (退出所有设备). One query: the user row, joined with the
   * token's revocation by its primary key.
   */
  private async authenticate(request: Request): Promise<Pick<AuthContext, 'user' | 'token'>> {
    const header = request.headers.authorization;
    if (!header) throw new DomainError(ErrorCode.Unauthenticated);
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError(ErrorCode.TokenInvalid);
    const claims = this.tokens.verify(match[1]);
    const user = await this.db.read(async (em) => {
      // Hand-written (database/rows.ts): this runs before every request.
      const [row] = await em.query(
        `SELECT ${columnsOf(em, User, 'u')}, r.jti AS revoked_jti FROM users u LEFT JOIN revoked_tokens r ON r.jti = ? WHERE u.id = ?`,
        [claims.jti, claims.userId],
      );
      return row && !row.revoked_jti ? hydrate(em, User, row, 'u') : null;
    });
    // A deleted account's tokens stop working at once, whatever their expiry.
    if (!user || user.deletedAt || user.tokenGeneration !== claims.generation)
      throw new DomainError(ErrorCode.TokenInvalid);
    return { user, token: { jti: claims.jti, expiresAt: claims.expiresAt } };
  }

  /** The platform admin acts in communities they are not a member of: ones that exist (404 otherwise). */
  private async communityExists(communityId: string): Promise<true> {
    const found = await this.db.read((em) => em.exists(Community, { where: { id: communityId } }));
    if (!found) throw new DomainError(ErrorCode.NotFound);
    return true;
  }

  private async communityAccess(
    communityId: string | undefined,
    userId: string,
  ): Promise<CommunityAccess | null> {
    if (!communityId) return null;
    const found = await this.db.read((em) => findMembership(em, communityId, userId));
    if (!found) return null;
    return { communityId, ...found, roles: effectiveRoles(found.granted) };
  }
}
