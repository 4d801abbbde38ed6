import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_LIMITS,
  ACTIVITY_RANGES,
  ActivityCategory,
  ActivityListQuery,
  ActivityWhen,
  CancelActivityRequest,
  CheckinCodeQuery,
  CodeKind,
  CreateActivityRequest,
  PointsRule,
  PointsRuleKind,
  ProxyCheckinRequest,
  UpdateActivityRequest,
} from '@redvest/contract';
import { DATE_BOUNDS } from '@redvest/domain';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import {
  Id,
  Latitude,
  Longitude,
  Moment,
  Nested,
  Nullable,
  Optional,
  Text,
  UpdateOf,
  WholeNumber,
} from '../common/fields';
import { PageQuery } from '../common/paging';

export class PointsRuleDto implements PointsRule {
  @ApiProperty({ enum: ['per_attendance', 'per_hour'] })
  @IsIn(['per_attendance', 'per_hour'])
  kind!: PointsRuleKind;
  @ApiProperty({ example: 10 }) @WholeNumber(ACTIVITY_RANGES.points) points!: number;
}

export class CreateActivityDto implements CreateActivityRequest {
  @ApiProperty({ example: '重阳节敬老院慰问' }) @Text(ACTIVITY_LIMITS.title) title!: string;
  @ApiProperty({ enum: ACTIVITY_CATEGORIES }) @IsIn(ACTIVITY_CATEGORIES) category!: ActivityCategory;
  @ApiProperty({ example: '社区党群服务中心' }) @Text(ACTIVITY_LIMITS.place) place!: string;
  @ApiProperty({ example: '2026-11-23T09:00:00+08:00' }) @Moment(DATE_BOUNDS.activityTime) startAt!: string;
  @ApiProperty({ example: '2026-11-23T11:00:00+08:00' }) @Moment(DATE_BOUNDS.activityTime) endAt!: string;
  @ApiPropertyOptional() @Optional() @WholeNumber(ACTIVITY_RANGES.capacity) capacity?: number;
  @ApiPropertyOptional() @Optional() @Latitude() latitude?: number;
  @ApiPropertyOptional() @Optional() @Longitude() longitude?: number;
  @ApiPropertyOptional({ description: '签到半径（米）' })
  @Optional()
  @WholeNumber(ACTIVITY_RANGES.radiusM)
  radiusM?: number;
  @ApiProperty({ type: PointsRuleDto }) @Nested(() => PointsRuleDto) pointsRule!: PointsRuleDto;
  @ApiPropertyOptional() @Optional() @IsBoolean() autoApprove?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() enrolmentRequired?: boolean;
  @ApiPropertyOptional() @Optional() @Text(ACTIVITY_LIMITS.description) description?: string;
}

/** Capacity and the location check are cleared with null; nothing else may be null. */
export class UpdateActivityDto
  extends UpdateOf(OmitType(CreateActivityDto, ['capacity', 'latitude', 'longitude', 'radiusM'] as const))
  implements UpdateActivityRequest
{
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @WholeNumber(ACTIVITY_RANGES.capacity)
  capacity?: number | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Latitude() latitude?: number | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Longitude() longitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @WholeNumber(ACTIVITY_RANGES.radiusM)
  radiusM?: number | null;
}

export class CancelActivityDto implements CancelActivityRequest {
  @ApiProperty({ example: '暴雨预警，活动延期' }) @Text(ACTIVITY_LIMITS.cancelReason) reason!: string;
}

export class ActivitiesQuery extends PageQuery implements ActivityListQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'running', 'past'] })
  @Optional()
  @IsIn(['upcoming', 'running', 'past'])
  when?: ActivityWhen;
  @ApiPropertyOptional({ enum: ACTIVITY_CATEGORIES })
  @Optional()
  @IsIn(ACTIVITY_CATEGORIES)
  category?: ActivityCategory;
}

export class CodeQuery implements CheckinCodeQuery {
  @ApiPropertyOptional({ enum: ['rotating', 'poster'] })
  @Optional()
  @IsIn(['rotating', 'poster'])
  kind?: CodeKind;
}

export class ProxyCheckinDto implements ProxyCheckinRequest {
  @ApiProperty() @Id() userId!: string;
  @ApiProperty({ enum: ['check_in', 'check_out'] }) @IsIn(['check_in', 'check_out']) action!:
    'check_in' | 'check_out';
}
