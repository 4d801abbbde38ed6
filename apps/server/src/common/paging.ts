import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?cursor=&limit=`: lists are paged by the id of the last item seen (ids are time-ordered). */
export class PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) cursor?: string;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
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
