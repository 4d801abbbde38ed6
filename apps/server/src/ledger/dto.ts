import {
  AdjustmentRequest,
  BatchDecisionRequest,
  LeaderboardPeriod,
  LeaderboardQuery as LeaderboardRequest,
  MAX_TRANSFER_AMOUNT,
  MyTransfersQuery as MyTransfersRequest,
  PAGE_LIMITS,
  RejectRequest,
  ReverseRequest,
  StatementQuery as StatementRequest,
  Unit,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  Max,
  Min,
  NotEquals,
} from 'class-validator';
import { Id, Lines, Optional, Year } from '../common/fields';
import { PageQuery } from '../common/paging';

export class AdjustmentDto implements AdjustmentRequest {
  @ApiProperty() @Id() userId!: string;
  @ApiProperty({ enum: Unit }) @IsEnum(Unit) unit!: Unit;
  @ApiProperty({ description: '正数为增加，负数为扣减', example: 10 })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_TRANSFER_AMOUNT)
  @Max(MAX_TRANSFER_AMOUNT)
  amount!: number;
  @ApiProperty({ example: '补录 10 月纸质签到记录' }) @Lines(100, { required: true }) reason!: string;
}

export class RejectDto implements RejectRequest {
  @ApiProperty({ example: '当天未到场' }) @Lines(100, { required: true }) reason!: string;
}

export class ReverseDto implements ReverseRequest {
  @ApiProperty({ example: '重复登记' }) @Lines(100, { required: true }) reason!: string;
}

export class BatchDecisionDto implements BatchDecisionRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Id({ each: true })
  transferIds!: string[];
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) action!: 'approve' | 'reject';
  @ApiPropertyOptional() @Optional() @Lines(100) reason?: string;
}

export class MyTransfersQuery extends PageQuery implements MyTransfersRequest {
  @ApiPropertyOptional() @Optional() @Id() communityId?: string;
  @ApiPropertyOptional({ enum: Unit }) @Optional() @IsEnum(Unit) unit?: Unit;
}

export class LeaderboardQuery implements LeaderboardRequest {
  @ApiPropertyOptional({ enum: LeaderboardPeriod, default: LeaderboardPeriod.Month })
  @Optional()
  @IsEnum(LeaderboardPeriod)
  period?: LeaderboardPeriod;
  @ApiPropertyOptional({ enum: Unit, default: Unit.Points }) @Optional() @IsEnum(Unit) unit?: Unit;
  @ApiPropertyOptional({ default: 20 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(PAGE_LIMITS.limit.min)
  @Max(PAGE_LIMITS.limit.max)
  limit?: number;
}

export class StatementQuery extends PageQuery implements StatementRequest {
  @ApiProperty({ example: 2026 }) @Year({ inQuery: true }) year!: number;
}
