import {
  CancelRedemptionRequest,
  CreateRewardRequest,
  RedeemRequest,
  RedemptionsQuery as RedemptionsRequest,
  REWARD_LIMITS,
  RewardsQuery as RewardsRequest,
  UpdateRewardRequest,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { Optional, Text, UpdateOf, Url } from '../common/fields';
import { PageQuery } from '../common/paging';

const { cost, stock, quantity } = REWARD_LIMITS;

export class CreateRewardDto implements CreateRewardRequest {
  @ApiProperty({ example: '金龙鱼食用油 5L' }) @Text(REWARD_LIMITS.name) name!: string;
  @ApiProperty({ example: 120 }) @IsInt() @Min(cost.min) @Max(cost.max) cost!: number;
  @ApiProperty({ example: 20 }) @IsInt() @Min(stock.min) @Max(stock.max) stock!: number;
  @ApiPropertyOptional() @Optional() @Text(REWARD_LIMITS.description) description?: string;
  @ApiPropertyOptional() @Optional() @Url(REWARD_LIMITS.photoUrl.max) photoUrl?: string;
}

export class UpdateRewardDto extends UpdateOf(CreateRewardDto) implements UpdateRewardRequest {
  @ApiPropertyOptional() @Optional() @IsBoolean() active?: boolean;
}

export class RedeemDto implements RedeemRequest {
  @ApiPropertyOptional({ default: 1 })
  @Optional()
  @IsInt()
  @Min(quantity.min)
  @Max(quantity.max)
  quantity?: number;
}

export class CancelRedemptionDto implements CancelRedemptionRequest {
  @ApiPropertyOptional() @Optional() @Text(REWARD_LIMITS.cancelReason) reason?: string;
}

export class RedemptionsQuery extends PageQuery implements RedemptionsRequest {
  @ApiPropertyOptional({ enum: ['placed', 'picked_up', 'cancelled'] })
  @Optional()
  @IsIn(['placed', 'picked_up', 'cancelled'])
  status?: 'placed' | 'picked_up' | 'cancelled';
}

export class RewardsQuery implements RewardsRequest {
  @ApiPropertyOptional({ description: '1：包括已下架的（社区书记）' }) @Optional() @IsIn(['0', '1']) all?:
    '0' | '1';
}
