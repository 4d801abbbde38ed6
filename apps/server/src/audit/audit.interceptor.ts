import { policyFor } from '@redvest/contract';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import type { AuthedRequest } from '../auth/auth-context';
import { AuditRequest, auditRequests } from './audit-request';
import { AuditTrail } from './audit-trail';

/**
 * Around every route a logged-in caller calls: runs the handler with an `AuditRequest` (who, from where, which
 * route and what it declares) that `AuditTrail` reads, and, once the handler has succeeded, writes what was
 * served before the answer leaves.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly trail: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthedRequest>();
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    const policy = policyFor(request.method, request.routeOptions.url ?? '');
    if (!policy || !request.auth) return next.handle();
    const audit: AuditRequest = {
      route,
      spec: policy.audit ?? null,
      access: policy.access,
      auth: request.auth,
      params: (request.params ?? {}) as Record<string, string>,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent']?.slice(0, 255) ?? null,
      head: request.method === 'HEAD',
      settled: false,
    };
    // Nest binds the handler to the async context it is asked for in, so the use case sees `audit`.
    return auditRequests
      .run(audit, () => next.handle())
      .pipe(
        mergeMap(async (result) => {
          await this.trail.finish(audit);
          return result;
        }),
      );
  }
}
