import { PAGE_LIMITS, PageRequest } from '@redvest/contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
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
