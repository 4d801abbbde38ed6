import { ErrorCode, PAGE_LIMITS, PageRequest, PATTERNS } from '@redvest/contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DomainError } from './domain-error';
import { Text, Optional } from './fields';

/** `?cursor=&limit=`: lists are paged by the id of the last item seen (ids are time-ordered). */
export class PageQuery implements PageRequest {
  @ApiPropertyOptional() @Optional() @Text(PAGE_LIMITS.cursor) cursor?: string;
  @ApiPropertyOptional({ default: 20 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(PAGE_LIMITS.limit.min)
  @Max(PAGE_LIMITS.limit.max)
  limit?: number;
}

export function pageOf<T>(items: T[], limit: number, idOf: (item: T) => string) {
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return { items: page, nextCursor: more ? idOf(page[page.length - 1]) : null };
}

/** The answer to a cursor the list did not give (malformed, or naming nothing of this list). */
export function cursorRefused(): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, [{ field: 'cursor', message: '翻页位置无效' }]);
}

/** The id a cursor holds, for lists paged by the id of their last item; anything else is refused. */
export function idCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  if (!PATTERNS.id.test(cursor)) throw cursorRefused();
  return cursor;
}
