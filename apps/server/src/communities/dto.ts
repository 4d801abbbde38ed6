import {
  CreateCommunityRequest,
  JoinRequest,
  MembershipStatus,
  Role,
  SetMemberRequest,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsIn, Matches } from 'class-validator';
import { Line, Optional } from '../common/fields';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

const ID = /^[0-9a-f-]{36}$/;

export class CreateCommunityDto implements CreateCommunityRequest {
  @ApiProperty({ example: '襄阳街社区' }) @Line(64, { required: true }) name!: string;
  @ApiPropertyOptional({ example: '某某街道' }) @Optional() @Line(64) street?: string;
}

export class JoinDto implements JoinRequest {
  @ApiProperty() @Matches(/^[A-Za-z0-9]{4,16}$/) inviteCode!: string;
  @ApiProperty({ example: '张三' })
  @Line(32, { required: true })
  @Matches(/^[\u4e00-\u9fa5·A-Za-z ]{2,32}$/)
  realName!: string;
  @ApiProperty({ example: '13812341234' }) @IsPhone() phone!: string;
  @ApiPropertyOptional() @Optional() @Matches(ID) compoundId?: string;
  @ApiPropertyOptional() @Optional() @Matches(ID) householdId?: string;
}

export class SetMemberDto implements SetMemberRequest {
  @ApiProperty() @Matches(ID) userId!: string;
  @ApiProperty({ enum: Role, isArray: true })
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsIn(Object.values(Role), { each: true })
  roles!: Role[];
  @ApiPropertyOptional({ example: '市税务局' }) @Optional() @Line(64, { required: true }) employer?: string;
  @ApiPropertyOptional() @Optional() @Matches(ID) compoundId?: string;
}

export class MembersQuery extends PageQuery {
  @ApiPropertyOptional({ description: '按姓名或昵称查找' }) @Optional() @Line(32) q?: string;
  @ApiPropertyOptional({ enum: MembershipStatus })
  @Optional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus;
}
