import {
  ACTIVITY_CATEGORIES,
  ActivityCategory,
  CreateActivityRequest,
  PointsRule,
  PointsRuleKind,
  ProxyCheckinRequest,
  UpdateActivityRequest,
} from '@redvest/contract';
import { DATE_BOUNDS } from '@redvest/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import {
  Id,
  Latitude,
  Line,
  Lines,
  Longitude,
  Moment,
  Nested,
  Nullable,
  Optional,
  UpdateOf,
} from '../common/fields';
import { PageQuery } from '../common/paging';

export class PointsRuleDto implements PointsRule {
  @ApiProperty({ enum: ['per_attendance', 'per_hour'] })
  @IsIn(['per_attendance', 'per_hour'])
  kind!: PointsRuleKind;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(1000) points!: number;
}

const Capacity = () => applyDecorators(IsInt(), Min(1), Max(100_000));
/** 签到半径（米） */
const Radius = () => applyDecorators(IsInt(), Min(20), Max(10_000));

export class CreateActivityDto implements CreateActivityRequest {
  @ApiProperty({ example: '重阳节敬老院慰问' }) @Line(60, { required: true }) title!: string;
  @ApiProperty({ enum: ACTIVITY_CATEGORIES }) @IsIn(ACTIVITY_CATEGORIES) category!: ActivityCategory;
  @ApiProperty({ example: '社区党群服务中心' }) @Line(100, { required: true }) place!: string;
  @ApiProperty({ example: '2026-11-23T09:00:00+08:00' }) @Moment(DATE_BOUNDS.activityTime) startAt!: string;
  @ApiProperty({ example: '2026-11-23T11:00:00+08:00' }) @Moment(DATE_BOUNDS.activityTime) endAt!: string;
  @ApiPropertyOptional() @Optional() @Capacity() capacity?: number;
  @ApiPropertyOptional() @Optional() @Latitude() latitude?: number;
  @ApiPropertyOptional() @Optional() @Longitude() longitude?: number;
  @ApiPropertyOptional({ description: '签到半径（米）' }) @Optional() @Radius() radiusM?: number;
  @ApiProperty({ type: PointsRuleDto }) @Nested(() => PointsRuleDto) pointsRule!: PointsRuleDto;
  @ApiPropertyOptional() @Optional() @IsBoolean() autoApprove?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() enrolmentRequired?: boolean;
  @ApiPropertyOptional() @Optional() @Lines(500) description?: string;
}

/** Capacity and the location check are cleared with null; nothing else may be null. */
export class UpdateActivityDto
  extends UpdateOf(OmitType(CreateActivityDto, ['capacity', 'latitude', 'longitude', 'radiusM'] as const))
  implements UpdateActivityRequest
{
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Capacity() capacity?: number | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Latitude() latitude?: number | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Longitude() longitude?: number | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Radius() radiusM?: number | null;
}

export class CancelActivityDto {
  @ApiProperty({ example: '暴雨预警，活动延期' }) @Lines(100, { required: true }) reason!: string;
}

export class ActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'running', 'past'] })
  @Optional()
  @IsIn(['upcoming', 'running', 'past'])
  when?: 'upcoming' | 'running' | 'past';
  @ApiPropertyOptional({ enum: ACTIVITY_CATEGORIES })
  @Optional()
  @IsIn(ACTIVITY_CATEGORIES)
  category?: ActivityCategory;
}

export class CodeQuery {
  @ApiPropertyOptional({ enum: ['rotating', 'poster'] }) @Optional() @IsIn(['rotating', 'poster']) kind?:
    'rotating' | 'poster';
}

export class ProxyCheckinDto implements ProxyCheckinRequest {
  @ApiProperty() @Id() userId!: string;
  @ApiProperty({ enum: ['check_in', 'check_out'] }) @IsIn(['check_in', 'check_out']) action!:
    'check_in' | 'check_out';
}
