import {
  AssignHouseholdsRequest,
  CONTACT_GROUP_SIZE_RANGE,
  ContactPhoneChoiceRequest,
  CONTACT_LIMITS,
  CoverageQuery,
  CreateContactGroupRequest,
  CreateServiceProjectRequest,
  DEMAND_ACTIONS,
  DEMAND_CATEGORIES,
  DEMAND_STATUSES,
  DemandAction,
  DemandCategory,
  DemandsQuery,
  DemandStatus,
  DemandTransitionRequest,
  HOUSEHOLD_FLAGS,
  HouseholdFlag,
  OfferResourceRequest,
  RaiseDemandRequest,
  RATING_GRADE_LABELS,
  RATING_LEVEL_LABELS,
  RateMemberRequest,
  RatingGrade,
  RatingLevel,
  ReleaseHouseholdsRequest,
  RESOURCE_KIND_LABELS,
  ResourceKind3,
  SERVICE_MODE_LABELS,
  ServiceMode,
  UpdateContactGroupRequest,
  UpdateContactSettingsRequest,
  VISIT_OVERDUE_DAYS_RANGE,
  VISIT_RESIDENTS_RANGE,
  VisitDemandRequest,
  VisitRequest,
  YearQuery,
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
import { CalendarDate, Id, Line, Moment, Optional, Nullable, Text, Year } from '../common/fields';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

const RESOURCE_KINDS = Object.keys(RESOURCE_KIND_LABELS) as ResourceKind3[];
const SERVICE_MODES = Object.keys(SERVICE_MODE_LABELS) as ServiceMode[];
const RATING_LEVELS = Object.keys(RATING_LEVEL_LABELS) as RatingLevel[];
const RATING_GRADES = Object.keys(RATING_GRADE_LABELS) as RatingGrade[];

export class CreateContactGroupDto implements CreateContactGroupRequest {
  @ApiProperty({ example: '阳光里 1 栋党员小组' }) @Text(CONTACT_LIMITS.groupName) name!: string;
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
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.groupName) name?: string;
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

export class DemandInVisitDto implements VisitDemandRequest {
  @ApiProperty({ enum: DEMAND_CATEGORIES }) @IsIn(DEMAND_CATEGORIES) category!: DemandCategory;
  @ApiProperty() @Text(CONTACT_LIMITS.demandText) text!: string;
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
  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(VISIT_RESIDENTS_RANGE.min)
  @Max(VISIT_RESIDENTS_RANGE.max)
  residents?: number;
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
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.visitNotes) notes?: string;
  @ApiPropertyOptional({ type: [DemandInVisitDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DemandInVisitDto)
  demands?: DemandInVisitDto[];
}

export class RaiseDemandDto implements RaiseDemandRequest {
  @ApiProperty({ enum: DEMAND_CATEGORIES }) @IsIn(DEMAND_CATEGORIES) category!: DemandCategory;
  @ApiProperty() @Text(CONTACT_LIMITS.demandText) text!: string;
  @ApiPropertyOptional() @Optional() @Id() householdId?: string;
  @PhotoIds() photoIds?: string[];
}

export class DemandTransitionDto implements DemandTransitionRequest {
  @ApiProperty({ enum: DEMAND_ACTIONS }) @IsIn(DEMAND_ACTIONS) action!: DemandAction;
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.rejectReason) reason?: string;
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.resolution) note?: string;
  @ApiPropertyOptional() @Optional() @Id() assigneeId?: string;
}

export class DemandsQueryDto extends PageQuery implements DemandsQuery {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES }) @Optional() @IsIn(DEMAND_STATUSES) status?: DemandStatus;
  @ApiPropertyOptional({ enum: ['raised', 'assigned'] }) @Optional() @IsIn(['raised', 'assigned']) mine?:
    'raised' | 'assigned';
}

export class CoverageQueryDto implements CoverageQuery {
  @ApiPropertyOptional({ example: '2026-11' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.reportMonth, { months: 'only' })
  month?: string;
}

export class OfferResourceDto implements OfferResourceRequest {
  @ApiProperty({ enum: RESOURCE_KINDS }) @IsIn(RESOURCE_KINDS) kind!: ResourceKind3;
  @ApiProperty({ example: '水电维修' }) @Text(CONTACT_LIMITS.resourceTitle) title!: string;
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.resourceDescription) description?: string;
  @ApiPropertyOptional() @Optional() @IsBoolean() byEmployer?: boolean;
}

export class CreateServiceProjectDto implements CreateServiceProjectRequest {
  @ApiProperty() @Text(CONTACT_LIMITS.projectTitle) title!: string;
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.projectDescription) description?: string;
  @ApiProperty({ enum: SERVICE_MODES }) @IsIn(SERVICE_MODES) mode!: ServiceMode;
  @ApiPropertyOptional() @Optional() @Id() demandId?: string;
  @ApiPropertyOptional() @Optional() @Id() resourceId?: string;
  @ApiPropertyOptional() @Optional() @Id() takerId?: string;
}

export class RateMemberDto implements RateMemberRequest {
  @ApiProperty({ example: 2026 }) @Year() year!: number;
  @ApiProperty({ enum: RATING_LEVELS }) @IsIn(RATING_LEVELS) level!: RatingLevel;
  @ApiProperty({ enum: RATING_GRADES }) @IsIn(RATING_GRADES) grade!: RatingGrade;
  @ApiPropertyOptional() @Optional() @Text(CONTACT_LIMITS.ratingComment) comment?: string;
}

export class ContactSettingsDto implements UpdateContactSettingsRequest {
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

export class YearQueryDto implements YearQuery {
  @ApiProperty({ example: 2026 }) @Year({ inQuery: true }) year!: number;
}

export class ContactPhoneChoiceDto implements ContactPhoneChoiceRequest {
  @ApiProperty({ description: '是否让所包住户看到我的电话' }) @IsBoolean() showPhoneToHouseholds!: boolean;
}
