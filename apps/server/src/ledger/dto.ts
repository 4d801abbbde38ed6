import {
  AdjustmentRequest,
  BatchDecisionRequest,
  LeaderboardPeriod,
  MAX_TRANSFER_AMOUNT,
  RejectRequest,
  ReverseRequest,
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
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';
import { PageQuery } from '../common/paging';

const ID = /^[0-9a-f-]{36}$/;

export class AdjustmentDto implements AdjustmentRequest {
  @ApiProperty() @Matches(ID) userId!: string;
  @ApiProperty({ enum: Unit }) @IsEnum(Unit) unit!: Unit;
  @ApiProperty({ description: '正数为增加，负数为扣减', example: 10 })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_TRANSFER_AMOUNT)
  @Max(MAX_TRANSFER_AMOUNT)
  amount!: number;
  @ApiProperty({ example: '补录 10 月纸质签到记录' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reason!: string;
}

export class RejectDto implements RejectRequest {
  @ApiProperty({ example: '当天未到场' }) @IsString() @IsNotEmpty() @MaxLength(100) reason!: string;
}

export class ReverseDto implements ReverseRequest {
  @ApiProperty({ example: '重复登记' }) @IsString() @IsNotEmpty() @MaxLength(100) reason!: string;
}

export class BatchDecisionDto implements BatchDecisionRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(ID, { each: true })
  transferIds!: string[];
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) action!: 'approve' | 'reject';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reason?: string;
}

export class MyTransfersQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(ID) communityId?: string;
  @ApiPropertyOptional({ enum: Unit }) @IsOptional() @IsEnum(Unit) unit?: Unit;
}

export class LeaderboardQuery {
  @ApiPropertyOptional({ enum: LeaderboardPeriod, default: LeaderboardPeriod.Month })
  @IsOptional()
  @IsEnum(LeaderboardPeriod)
  period?: LeaderboardPeriod;
  @ApiPropertyOptional({ enum: Unit, default: Unit.Points }) @IsOptional() @IsEnum(Unit) unit?: Unit;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class StatementQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}
