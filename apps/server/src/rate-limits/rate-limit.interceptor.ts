import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthedRequest } from '../auth/auth-context';
import { RATE_RULES } from './rate-limit.decorator';
import { Db } from '../database/db';
import { RateLimiter } from './rate-limiter';
import { addressKey } from './address-key';
import { RateRule, STAFF } from './rules';

type Request = FastifyRequest & AuthedRequest;

/**
 * Applies a route's @RateLimit rules. Interceptors run after the access guard (so the user is known) and
 * before validation (so malformed requests count too).
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly db: Db,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rules = this.reflector.get<RateRule[] | undefined>(RATE_RULES, context.getHandler());
    if (!rules?.length) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return from(this.enforce(rules, request)).pipe(switchMap(() => next.handle()));
  }

  private async enforce(rules: RateRule[], request: Request): Promise<void> {
    const now = new Date();
    let staff: boolean | undefined;
    for (const rule of rules) {
      const roles = request.auth?.community?.roles;
      if (rule.exemptRoles?.some((role) => roles?.has(role))) continue;
      if (rule.staffLimit !== undefined && request.auth) {
        staff ??= await this.isStaffAnywhere(request.auth.user.id);
        if (staff) {
          await this.limiter.hit({ ...rule, limit: rule.staffLimit }, subjectOf(rule, request), now);
          continue;
        }
      }
      await this.limiter.hit(rule, subjectOf(rule, request), now);
    }
  }

  private async isStaffAnywhere(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.read((em) =>
      em.query(
        'SELECT 1 FROM membership_roles r JOIN memberships m ON m.id = r.membership_id ' +
          `WHERE m.user_id = ? AND m.status = 'active' AND r.role IN (${STAFF.map(() => '?').join(', ')}) LIMIT 1`,
        [userId, ...STAFF],
      ),
    );
    return rows.length > 0;
  }
}

export function subjectOf(rule: RateRule, request: Request): string {
  const address = `ip:${addressKey(request.ip)}`;
  switch (rule.by) {
    case 'user':
      return request.auth ? `user:${request.auth.user.id}` : address;
    case 'ip+openid': {
      const openid = (request.body as { openid?: unknown } | undefined)?.openid;
      return `${address}|openid:${typeof openid === 'string' ? openid : ''}`;
    }
    default:
      return address;
  }
}
