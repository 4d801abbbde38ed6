import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthedRequest } from '../auth/auth-context';
import { RATE_RULES } from './rate-limit.decorator';
import { RateLimiter } from './rate-limiter';
import { RateRule } from './rules';

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
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rules = this.reflector.get<RateRule[] | undefined>(RATE_RULES, context.getHandler());
    if (!rules?.length) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return from(this.enforce(rules, request)).pipe(switchMap(() => next.handle()));
  }

  private async enforce(rules: RateRule[], request: Request): Promise<void> {
    const now = new Date();
    for (const rule of rules) {
      const roles = request.auth?.community?.roles;
      if (rule.exemptRoles?.some((role) => roles?.has(role))) continue;
      await this.limiter.hit(rule, subjectOf(rule, request), now);
    }
  }
}

export function subjectOf(rule: RateRule, request: Request): string {
  switch (rule.by) {
    case 'user':
      return request.auth ? `user:${request.auth.user.id}` : `ip:${request.ip}`;
    case 'ip+openid': {
      const openid = (request.body as { openid?: unknown } | undefined)?.openid;
      return `ip:${request.ip}|openid:${typeof openid === 'string' ? openid : ''}`;
    }
    default:
      return `ip:${request.ip}`;
  }
}
