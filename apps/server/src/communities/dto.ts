import {
  CreateCommunityRequest,
  JoinRequest,
  MembersQuery as MembersRequest,
  PATTERNS,
  MembershipStatus,
  Role,
  SetMemberRequest,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsIn, Matches } from 'class-validator';
import { Id, Line, Optional } from '../common/fields';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

export class CreateCommunityDto implements CreateCommunityRequest {
  @ApiProperty({ example: '襄阳街社区' }) @Line(64, { required: true }) name!: string;
  @ApiPropertyOptional({ example: '某某街道' }) @Optional() @Line(64) street?: string;
}

/** What joining asks of a person: the same with the invite code (加入社区) or a family link code (家人代办). */
export class JoinDetailsDto implements Omit<JoinRequest, 'inviteCode'> {
  @ApiProperty({ example: '张三' })
  @Line(32, { required: true })
  @Matches(PATTERNS.realName)
  realName!: string;
  @ApiProperty({ example: '13812341234' }) @IsPhone() phone!: string;
  @ApiPropertyOptional() @Optional() @Id() compoundId?: string;
  @ApiPropertyOptional() @Optional() @Id() householdId?: string;
}

export class JoinDto extends JoinDetailsDto implements JoinRequest {
  @ApiProperty() @Matches(PATTERNS.inviteCode) inviteCode!: string;
}

export class SetMemberDto implements SetMemberRequest {
  @ApiProperty() @Id() userId!: string;
  @ApiProperty({ enum: Role, isArray: true })
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsIn(Object.values(Role), { each: true })
  roles!: Role[];
  @ApiPropertyOptional({ example: '市税务局' }) @Optional() @Line(64, { required: true }) employer?: string;
  @ApiPropertyOptional() @Optional() @Id() compoundId?: string;
}

export class MembersQuery extends PageQuery implements MembersRequest {
  @ApiPropertyOptional({ description: '按姓名或昵称查找' }) @Optional() @Line(32) q?: string;
  @ApiPropertyOptional({ enum: MembershipStatus })
  @Optional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus;
}
