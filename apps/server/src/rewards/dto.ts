import {
  CancelRedemptionRequest,
  CreateRewardRequest,
  RedeemRequest,
  UpdateRewardRequest,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/paging';

const MAX_COST = 100_000;
const MAX_STOCK = 100_000;

export class CreateRewardDto implements CreateRewardRequest {
  @ApiProperty({ example: '金龙鱼食用油 5L' }) @IsString() @IsNotEmpty() @MaxLength(40) name!: string;
  @ApiProperty({ example: 120 }) @IsInt() @Min(1) @Max(MAX_COST) cost!: number;
  @ApiProperty({ example: 20 }) @IsInt() @Min(0) @Max(MAX_STOCK) stock!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_tld: false }) @MaxLength(255) photoUrl?: string;
}

export class UpdateRewardDto implements UpdateRewardRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(40) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_COST) cost?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_STOCK) stock?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_tld: false }) @MaxLength(255) photoUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class RedeemDto implements RedeemRequest {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(20) quantity?: number;
}

export class CancelRedemptionDto implements CancelRedemptionRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reason?: string;
}

export class RedemptionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['placed', 'picked_up', 'cancelled'] })
  @IsOptional()
  @IsIn(['placed', 'picked_up', 'cancelled'])
  status?: 'placed' | 'picked_up' | 'cancelled';
}

export class RewardsQuery {
  @ApiPropertyOptional({ description: '1：包括已下架的（社区书记）' }) @IsOptional() @IsIn(['0', '1']) all?:
    '0' | '1';
}
