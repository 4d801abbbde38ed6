import {
  HouseholdsQuery as HouseholdsRequest,
  PAGE_LIMITS,
  UpdateBuildingRequest,
  UpdateHouseholdRequest,
} from '@redvest/contract';
import { MAX_FLOOR, MIN_FLOOR } from '@redvest/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, NotEquals } from 'class-validator';
import { Id, Line, Optional, Text } from '../common/fields';

export class HouseholdsQuery implements HouseholdsRequest {
  @ApiPropertyOptional() @Optional() @Text(PAGE_LIMITS.cursor) cursor?: string;
  @ApiPropertyOptional() @Optional() @Id() buildingId?: string;
  @ApiPropertyOptional({ default: 200 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(PAGE_LIMITS.householdLimit.min)
  @Max(PAGE_LIMITS.householdLimit.max)
  limit?: number;
}

export class UpdateBuildingDto implements UpdateBuildingRequest {
  @ApiProperty({ example: '3栋' }) @Line(32, { required: true }) name!: string;
}

export class UpdateHouseholdDto implements UpdateHouseholdRequest {
  @ApiPropertyOptional() @Optional() @Line(32) unit?: string;
  @ApiPropertyOptional() @Optional() @IsInt() @Min(MIN_FLOOR) @Max(MAX_FLOOR) @NotEquals(0) floor?: number;
  @ApiPropertyOptional() @Optional() @Line(16, { required: true }) room?: string;
}
