import { ErrorCode } from '@redvest/contract';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

const KEY = /^[A-Za-z0-9_.:-]{8,64}$/;

/** The `Idempotency-Key` header as sent, checked for its form; null when absent. */
function headerKey(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) return null;
  if (!KEY.test(key)) {
    throw new DomainError(ErrorCode.ValidationFailed, [
      { field: 'Idempotency-Key', message: '应为 8 到 64 位字母、数字或 _.:-' },
    ]);
  }
  return key;
}

/**
 * The `Idempotency-Key` header of a route that moves points, required, scoped to the caller and the route
 * (DESIGN §4: keys from clients are stored as (caller, route, key)).
 */
export const IdempotencyKey = createParamDecorator((route: string, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { auth?: { user: { id: string } } }>();
  const key = headerKey(request);
  if (!key) throw new DomainError(ErrorCode.IdempotencyKeyRequired);
  return `c:${request.auth!.user.id}:${route}:${key}`;
});

/** The header on routes where a retry is welcome but not required (visits sent again from a phone). */
export const OptionalIdempotencyKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | null =>
    headerKey(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '同一请求重试时使用相同的值，保证只记账一次',
  });
