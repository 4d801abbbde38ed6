import {
  AssignHouseholdsRequest,
  CONTACT_GROUP_SIZE_RANGE,
  ContactSettings,
  CreateContactGroupRequest,
  DemandAction,
  DemandTransitionRequest,
  HOUSEHOLD_FLAGS,
  HouseholdFlag,
  RaiseDemandRequest,
  ReleaseHouseholdsRequest,
  UpdateContactGroupRequest,
  VISIT_OVERDUE_DAYS_RANGE,
  VisitRequest,
} from '@redvest/contract';
import { DATE_BOUNDS, MAX_FLOOR, MIN_FLOOR } from '@redvest/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, Id, Line, Lines, Moment, Nullable, Optional, Year } from '../common/fields';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

export const DEMAND_CATEGORIES = [
  '养老服务',
  '医疗健康',
  '就业帮扶',
  '住房维修',
  '环境卫生',
  '邻里纠纷',
  '政策咨询',
  '其他',
] as const;

export class CreateContactGroupDto implements CreateContactGroupRequest {
  @ApiProperty({ example: '阳光里 1 栋党员小组' }) @Line(40, { required: true }) name!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Id({ each: true })
  memberIds!: string[];
  @ApiProperty() @Id() leaderId!: string;
  @ApiPropertyOptional() @Optional() @Id() compoundId?: string;
}

export class UpdateContactGroupDto implements UpdateContactGroupRequest {
  @ApiPropertyOptional() @Optional() @Line(40, { required: true }) name?: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Id({ each: true })
  memberIds?: string[];
  @ApiPropertyOptional() @Optional() @Id() leaderId?: string;
  @ApiPropertyOptional({ nullable: true, description: 'null：不属于任何小区' })
  @Nullable()
  @Id()
  compoundId?: string | null;
}

export class ReleaseHouseholdsDto implements ReleaseHouseholdsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Id({ each: true })
  householdIds!: string[];
}

export class AssignHouseholdsDto implements AssignHouseholdsRequest {
  @ApiPropertyOptional() @Optional() @Id() buildingId?: string;
  @ApiPropertyOptional({ example: '2单元' }) @Optional() @Line(32) unit?: string;
  @ApiPropertyOptional() @Optional() @IsInt() @Min(MIN_FLOOR) @Max(MAX_FLOOR) floorFrom?: number;
  @ApiPropertyOptional() @Optional() @IsInt() @Min(MIN_FLOOR) @Max(MAX_FLOOR) floorTo?: number;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @Id({ each: true })
  householdIds?: string[];
  @ApiPropertyOptional() @Optional() @IsBoolean() reassign?: boolean;
}

/** More than three are refused by the service with its own code (TOO_MANY_PHOTOS). */
function PhotoIds(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    Optional(),
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique(),
    Id({ each: true }),
  );
}

export class DemandInVisitDto {
  @ApiProperty({ enum: DEMAND_CATEGORIES }) @IsIn(DEMAND_CATEGORIES) category!: string;
  @ApiProperty() @Lines(500, { required: true }) text!: string;
  @PhotoIds() photoIds?: string[];
}

export class VisitDto implements VisitRequest {
  @ApiProperty({ description: '走访时间：一年内，不晚于现在' })
  @Moment(DATE_BOUNDS.visitedAt)
  visitedAt!: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @Id({ each: true })
  visitorIds?: string[];
  @ApiPropertyOptional() @Optional() @IsInt() @Min(0) @Max(30) residents?: number;
  @ApiPropertyOptional() @Optional() @IsBoolean() rented?: boolean;
  @ApiPropertyOptional({ example: '2019-05' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.moveInDate, { months: 'too' })
  moveInDate?: string;
  @ApiPropertyOptional() @Optional() @IsPhone() phone?: string;
  @ApiPropertyOptional({ enum: HOUSEHOLD_FLAGS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(HOUSEHOLD_FLAGS, { each: true })
  flags?: HouseholdFlag[];
  @ApiPropertyOptional() @Optional() @Lines(1000) notes?: string;
  @ApiPropertyOptional({ type: [DemandInVisitDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DemandInVisitDto)
  demands?: DemandInVisitDto[];
}

export class RaiseDemandDto implements RaiseDemandRequest {
  @ApiProperty({ enum: DEMAND_CATEGORIES }) @IsIn(DEMAND_CATEGORIES) category!: string;
  @ApiProperty() @Lines(500, { required: true }) text!: string;
  @ApiPropertyOptional() @Optional() @Id() householdId?: string;
  @PhotoIds() photoIds?: string[];
}

export class DemandTransitionDto implements DemandTransitionRequest {
  @ApiProperty({ enum: ['accept', 'start', 'resolve', 'reject', 'assign'] })
  @IsIn(['accept', 'start', 'resolve', 'reject', 'assign'])
  action!: DemandAction;
  @ApiPropertyOptional() @Optional() @Lines(200) reason?: string;
  @ApiPropertyOptional() @Optional() @Lines(500) note?: string;
  @ApiPropertyOptional() @Optional() @Id() assigneeId?: string;
}

export class DemandsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['reported', 'accepted', 'in_progress', 'resolved', 'rejected'] })
  @Optional()
  @IsIn(['reported', 'accepted', 'in_progress', 'resolved', 'rejected'])
  status?: string;
  @ApiPropertyOptional({ enum: ['raised', 'assigned'] }) @Optional() @IsIn(['raised', 'assigned']) mine?:
    'raised' | 'assigned';
}

export class CoverageQuery {
  @ApiPropertyOptional({ example: '2026-11' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.reportMonth, { months: 'only' })
  month?: string;
}

export class OfferResourceDto {
  @ApiProperty({ enum: ['skill', 'time', 'money', 'goods'] })
  @IsIn(['skill', 'time', 'money', 'goods'])
  kind!: 'skill' | 'time' | 'money' | 'goods';
  @ApiProperty({ example: '水电维修' }) @Line(60, { required: true }) title!: string;
  @ApiPropertyOptional() @Optional() @Lines(300) description?: string;
  @ApiPropertyOptional() @Optional() @IsBoolean() byEmployer?: boolean;
}

export class CreateServiceProjectDto {
  @ApiProperty() @Line(60, { required: true }) title!: string;
  @ApiPropertyOptional() @Optional() @Lines(500) description?: string;
  @ApiProperty({ enum: ['resident_order', 'community_dispatch', 'member_take'] })
  @IsIn(['resident_order', 'community_dispatch', 'member_take'])
  mode!: 'resident_order' | 'community_dispatch' | 'member_take';
  @ApiPropertyOptional() @Optional() @Id() demandId?: string;
  @ApiPropertyOptional() @Optional() @Id() resourceId?: string;
  @ApiPropertyOptional() @Optional() @Id() takerId?: string;
}

export class RateMemberDto {
  @ApiProperty({ example: 2026 }) @Year() year!: number;
  @ApiProperty({ enum: ['group', 'branch', 'community'] }) @IsIn(['group', 'branch', 'community']) level!:
    'group' | 'branch' | 'community';
  @ApiProperty({ enum: ['excellent', 'good', 'fair', 'poor'] })
  @IsIn(['excellent', 'good', 'fair', 'poor'])
  grade!: 'excellent' | 'good' | 'fair' | 'poor';
  @ApiPropertyOptional() @Optional() @Lines(200) comment?: string;
}

export class ContactSettingsDto implements Partial<ContactSettings> {
  @ApiPropertyOptional({ example: 3 })
  @Optional()
  @IsInt()
  @Min(CONTACT_GROUP_SIZE_RANGE.min)
  @Max(CONTACT_GROUP_SIZE_RANGE.max)
  contactGroupSize?: number;
  @ApiPropertyOptional({ example: 90 })
  @Optional()
  @IsInt()
  @Min(VISIT_OVERDUE_DAYS_RANGE.min)
  @Max(VISIT_OVERDUE_DAYS_RANGE.max)
  visitOverdueDays?: number;
}

export class YearQuery {
  @ApiProperty({ example: 2026 }) @Year({ inQuery: true }) year!: number;
}
