import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Line, Optional } from './fields';

/** `?cursor=&limit=`: lists are paged by the id of the last item seen (ids are time-ordered). */
export class PageQuery {
  @ApiPropertyOptional() @Optional() @Line(64) cursor?: string;
  @ApiPropertyOptional({ default: 20 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export function pageOf<T>(items: T[], limit: number, idOf: (item: T) => string) {
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return { items: page, nextCursor: more ? idOf(page[page.length - 1]) : null };
}
