import {
  CancelRedemptionRequest,
  CreateRewardRequest,
  RedeemRequest,
  UpdateRewardRequest,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { Line, Lines, Optional, UpdateOf, Url } from '../common/fields';
import { PageQuery } from '../common/paging';

const MAX_COST = 100_000;
const MAX_STOCK = 100_000;

export class CreateRewardDto implements CreateRewardRequest {
  @ApiProperty({ example: '金龙鱼食用油 5L' }) @Line(40, { required: true }) name!: string;
  @ApiProperty({ example: 120 }) @IsInt() @Min(1) @Max(MAX_COST) cost!: number;
  @ApiProperty({ example: 20 }) @IsInt() @Min(0) @Max(MAX_STOCK) stock!: number;
  @ApiPropertyOptional() @Optional() @Lines(200) description?: string;
  @ApiPropertyOptional() @Optional() @Url(255) photoUrl?: string;
}

export class UpdateRewardDto extends UpdateOf(CreateRewardDto) implements UpdateRewardRequest {
  @ApiPropertyOptional() @Optional() @IsBoolean() active?: boolean;
}

export class RedeemDto implements RedeemRequest {
  @ApiPropertyOptional({ default: 1 }) @Optional() @IsInt() @Min(1) @Max(20) quantity?: number;
}

export class CancelRedemptionDto implements CancelRedemptionRequest {
  @ApiPropertyOptional() @Optional() @Lines(100) reason?: string;
}

export class RedemptionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['placed', 'picked_up', 'cancelled'] })
  @Optional()
  @IsIn(['placed', 'picked_up', 'cancelled'])
  status?: 'placed' | 'picked_up' | 'cancelled';
}

export class RewardsQuery {
  @ApiPropertyOptional({ description: '1：包括已下架的（社区书记）' }) @Optional() @IsIn(['0', '1']) all?:
    '0' | '1';
}
