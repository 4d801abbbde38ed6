import {
  ACTIVITY_CATEGORIES,
  ActivityCategory,
  CreateActivityRequest,
  PointsRule,
  PointsRuleKind,
  ProxyCheckinRequest,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/paging';

export class PointsRuleDto implements PointsRule {
  @ApiProperty({ enum: ['per_attendance', 'per_hour'] })
  @IsIn(['per_attendance', 'per_hour'])
  kind!: PointsRuleKind;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(1000) points!: number;
}

export class CreateActivityDto implements CreateActivityRequest {
  @ApiProperty({ example: '重阳节敬老院慰问' }) @IsString() @IsNotEmpty() @MaxLength(60) title!: string;
  @ApiProperty({ enum: ACTIVITY_CATEGORIES }) @IsIn(ACTIVITY_CATEGORIES) category!: ActivityCategory;
  @ApiProperty({ example: '社区党群服务中心' }) @IsString() @IsNotEmpty() @MaxLength(100) place!: string;
  @ApiProperty({ example: '2026-11-23T09:00:00+08:00' }) @IsISO8601({ strict: true }) startAt!: string;
  @ApiProperty({ example: '2026-11-23T11:00:00+08:00' }) @IsISO8601({ strict: true }) endAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100_000) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsLongitude() longitude?: number;
  @ApiPropertyOptional({ description: '签到半径（米）' })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(10_000)
  radiusM?: number;
  @ApiProperty({ type: PointsRuleDto })
  @ValidateNested()
  @Type(() => PointsRuleDto)
  pointsRule!: PointsRuleDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() autoApprove?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enrolmentRequired?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class UpdateActivityDto extends PartialType(CreateActivityDto) {}

export class CancelActivityDto {
  @ApiProperty({ example: '暴雨预警，活动延期' }) @IsString() @IsNotEmpty() @MaxLength(100) reason!: string;
}

export class ActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'running', 'past'] })
  @IsOptional()
  @IsIn(['upcoming', 'running', 'past'])
  when?: 'upcoming' | 'running' | 'past';
  @ApiPropertyOptional({ enum: ACTIVITY_CATEGORIES })
  @IsOptional()
  @IsIn(ACTIVITY_CATEGORIES)
  category?: ActivityCategory;
}

export class CodeQuery {
  @ApiPropertyOptional({ enum: ['rotating', 'poster'] }) @IsOptional() @IsIn(['rotating', 'poster']) kind?:
    'rotating' | 'poster';
}

export class ProxyCheckinDto implements ProxyCheckinRequest {
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/) userId!: string;
  @ApiProperty({ enum: ['check_in', 'check_out'] }) @IsIn(['check_in', 'check_out']) action!:
    'check_in' | 'check_out';
}
