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
import { MAX_FLOOR, MIN_FLOOR } from '@redvest/domain';
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
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

const ID = /^[0-9a-f-]{36}$/;
/** Something besides spaces: a name of spaces would be stored empty. */
const NOT_BLANK = /\S/;
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
  @ApiProperty({ example: '阳光里 1 栋党员小组' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写小组名称' })
  @MaxLength(40)
  name!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(ID, { each: true })
  memberIds!: string[];
  @ApiProperty() @Matches(ID) leaderId!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID) compoundId?: string;
}

export class UpdateContactGroupDto implements UpdateContactGroupRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写小组名称' })
  @MaxLength(40)
  name?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(ID, { each: true })
  memberIds?: string[];
  @ApiPropertyOptional() @IsOptional() @Matches(ID) leaderId?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(ID)
  compoundId?: string | null;
}

export class ReleaseHouseholdsDto implements ReleaseHouseholdsRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(ID, { each: true })
  householdIds!: string[];
}

export class AssignHouseholdsDto implements AssignHouseholdsRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(ID) buildingId?: string;
  @ApiPropertyOptional({ example: '2单元' }) @IsOptional() @IsString() @MaxLength(32) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(MIN_FLOOR) @Max(MAX_FLOOR) floorFrom?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(MIN_FLOOR) @Max(MAX_FLOOR) floorTo?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID, { each: true })
  householdIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reassign?: boolean;
}

/** More than three are refused by the service with its own code (TOO_MANY_PHOTOS). */
function PhotoIds(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique(),
    Matches(ID, { each: true }),
  );
}

export class DemandInVisitDto {
  @ApiProperty({ enum: DEMAND_CATEGORIES }) @IsIn(DEMAND_CATEGORIES) category!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) text!: string;
  @PhotoIds() photoIds?: string[];
}

export class VisitDto implements VisitRequest {
  @ApiProperty() @IsISO8601({ strict: true }) visitedAt!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ID, { each: true })
  visitorIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(30) residents?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() rented?: boolean;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}-\d{2}(-\d{2})?$/) moveInDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsPhone() phone?: string;
  @ApiPropertyOptional({ enum: HOUSEHOLD_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(HOUSEHOLD_FLAGS, { each: true })
  flags?: HouseholdFlag[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
  @ApiPropertyOptional({ type: [DemandInVisitDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DemandInVisitDto)
  demands?: DemandInVisitDto[];
}

export class RaiseDemandDto implements RaiseDemandRequest {
  @ApiProperty({ enum: DEMAND_CATEGORIES }) @IsIn(DEMAND_CATEGORIES) category!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) text!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID) householdId?: string;
  @PhotoIds() photoIds?: string[];
}

export class DemandTransitionDto implements DemandTransitionRequest {
  @ApiProperty({ enum: ['accept', 'start', 'resolve', 'reject', 'assign'] })
  @IsIn(['accept', 'start', 'resolve', 'reject', 'assign'])
  action!: DemandAction;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID) assigneeId?: string;
}

export class DemandsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['reported', 'accepted', 'in_progress', 'resolved', 'rejected'] })
  @IsOptional()
  @IsIn(['reported', 'accepted', 'in_progress', 'resolved', 'rejected'])
  status?: string;
  @ApiPropertyOptional({ enum: ['raised', 'assigned'] }) @IsOptional() @IsIn(['raised', 'assigned']) mine?:
    'raised' | 'assigned';
}

export class CoverageQuery {
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(/^\d{4}-\d{2}$/) month?: string;
}

export class OfferResourceDto {
  @ApiProperty({ enum: ['skill', 'time', 'money', 'goods'] })
  @IsIn(['skill', 'time', 'money', 'goods'])
  kind!: 'skill' | 'time' | 'money' | 'goods';
  @ApiProperty({ example: '水电维修' }) @IsString() @IsNotEmpty() @MaxLength(60) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() byEmployer?: boolean;
}

export class CreateServiceProjectDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(60) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiProperty({ enum: ['resident_order', 'community_dispatch', 'member_take'] })
  @IsIn(['resident_order', 'community_dispatch', 'member_take'])
  mode!: 'resident_order' | 'community_dispatch' | 'member_take';
  @ApiPropertyOptional() @IsOptional() @Matches(ID) demandId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID) resourceId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID) takerId?: string;
}

export class RateMemberDto {
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ enum: ['group', 'branch', 'community'] }) @IsIn(['group', 'branch', 'community']) level!:
    'group' | 'branch' | 'community';
  @ApiProperty({ enum: ['excellent', 'good', 'fair', 'poor'] })
  @IsIn(['excellent', 'good', 'fair', 'poor'])
  grade!: 'excellent' | 'good' | 'fair' | 'poor';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) comment?: string;
}

export class ContactSettingsDto implements Partial<ContactSettings> {
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(CONTACT_GROUP_SIZE_RANGE.min)
  @Max(CONTACT_GROUP_SIZE_RANGE.max)
  contactGroupSize?: number;
  @ApiPropertyOptional({ example: 90 })
  @IsOptional()
  @IsInt()
  @Min(VISIT_OVERDUE_DAYS_RANGE.min)
  @Max(VISIT_OVERDUE_DAYS_RANGE.max)
  visitOverdueDays?: number;
}

export class YearQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}
