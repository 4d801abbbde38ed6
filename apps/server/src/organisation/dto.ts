import { UpdateBuildingRequest, UpdateHouseholdRequest } from '@redvest/contract';
import { MAX_FLOOR, MIN_FLOOR } from '@redvest/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';

export class HouseholdsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/) buildingId?: string;
  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class UpdateBuildingDto implements UpdateBuildingRequest {
  @ApiProperty({ example: '3栋' }) @IsString() @IsNotEmpty() @MaxLength(32) name!: string;
}

export class UpdateHouseholdDto implements UpdateHouseholdRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(MIN_FLOOR) @Max(MAX_FLOOR) @NotEquals(0) floor?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(16) room?: string;
}
