import type {
  AssignmentResult,
  CallMeResponse,
  ContactPhoneChoiceRequest,
  BuildingAssignments,
  ContactGroupView,
  ContactSettings,
  CoverageResponse,
  DemandView,
  HouseholdCard,
  MyContactMemberView,
  MyHouseholdView,
  Page,
  ReleaseResult,
  VisitView,
  WishView,
} from '@redvest/contract';
import { toIsoLocal } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { OptionalIdempotencyKey } from '../common/idempotency-key';
import { ContactGroupViews } from './contact-group-views';
import { ContactGroupsService } from './contact-groups.service';
import { DemandViews } from './demand-views';
import { DemandsService } from './demands.service';
import {
  AssignHouseholdsDto,
  ContactPhoneChoiceDto,
  ContactSettingsDto,
  CoverageQueryDto,
  CreateContactGroupDto,
  DemandsQueryDto,
  DemandTransitionDto,
  RaiseDemandDto,
  ReleaseHouseholdsDto,
  UpdateContactGroupDto,
  VisitDto,
} from './dto';
import { HouseholdAssignmentsService } from './household-assignments.service';
import { MyContactMemberService } from './my-contact-member.service';
import { VisitsService } from './visits.service';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('包干到户')
@ApiBearerAuth()
@Controller('api')
export class ContactController {
  constructor(
    private readonly groups: ContactGroupsService,
    private readonly groupViews: ContactGroupViews,
    private readonly assignments: HouseholdAssignmentsService,
    private readonly visits: VisitsService,
    private readonly demands: DemandsService,
    private readonly demandViews: DemandViews,
    private readonly contactMember: MyContactMemberService,
  ) {}

  @Get('communities/:cid/contact-settings')
  settings(@Param('cid') cid: string): Promise<ContactSettings> {
    return this.groupViews.settings(cid);
  }

  @Put('communities/:cid/contact-settings')
  updateSettings(@Param('cid') cid: string, @Body() body: ContactSettingsDto): Promise<ContactSettings> {
    return this.groups.updateSettings(cid, body);
  }

  @Post('communities/:cid/contact-groups')
  createGroup(@Param('cid') cid: string, @Body() body: CreateContactGroupDto): Promise<ContactGroupView> {
    return this.groups.create(cid, body);
  }

  @Get('communities/:cid/contact-groups')
  listGroups(@Param('cid') cid: string): Promise<{ items: ContactGroupView[] }> {
    return this.groupViews.list(cid);
  }

  @Put('contact-groups/:groupId')
  updateGroup(@Param('groupId') id: string, @Body() body: UpdateContactGroupDto): Promise<ContactGroupView> {
    return this.groups.update(id, body);
  }

  @Post('contact-groups/:groupId/dissolve')
  @HttpCode(200)
  dissolve(@Param('groupId') id: string): Promise<ContactGroupView> {
    return this.groups.dissolve(id);
  }

  @Post('contact-groups/:groupId/assignments')
  assign(@Param('groupId') id: string, @Body() body: AssignHouseholdsDto): Promise<AssignmentResult> {
    return this.assignments.assign(id, body);
  }

  @Post('contact-groups/:groupId/assignments/release')
  @HttpCode(200)
  release(@Param('groupId') id: string, @Body() body: ReleaseHouseholdsDto): Promise<ReleaseResult> {
    return this.assignments.release(id, body);
  }

  @Get('buildings/:buildingId/assignments')
  buildingAssignments(@Param('buildingId') id: string): Promise<BuildingAssignments> {
    return this.groupViews.buildingAssignments(id);
  }

  @Get('communities/:cid/coverage')
  coverage(@Param('cid') cid: string, @Query() query: CoverageQueryDto): Promise<CoverageResponse> {
    return this.groupViews.coverage(cid, query.month ?? toIsoLocal(new Date()).slice(0, 7));
  }

  @Get('me/households')
  myHouseholds(@Auth() auth: AuthContext): Promise<{ items: MyHouseholdView[] }> {
    return this.visits.mine(auth.user.id);
  }

  @Get('households/:householdId')
  card(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('householdId') id: string,
  ): Promise<HouseholdCard> {
    return this.visits.card(member, auth.user.id, id);
  }

  /** A visit saved on a weak signal is sent again with the same Idempotency-Key, and recorded once. */
  @Post('households/:householdId/visits')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  visit(
    @Auth() auth: AuthContext,
    @Param('householdId') id: string,
    @Body() body: VisitDto,
    @OptionalIdempotencyKey() key: string | null,
  ): Promise<VisitView> {
    return this.visits.record(auth.user.id, id, body, key);
  }

  @Get('communities/:cid/my-contact-member')
  myContactMember(@Member() member: CommunityAccess): Promise<MyContactMemberView> {
    return this.contactMember.find(member);
  }

  @Post('communities/:cid/my-contact-member/call-me')
  @HttpCode(200)
  @RateLimit(RATE_LIMITS.askContactMember)
  callMe(@Member() member: CommunityAccess): Promise<CallMeResponse> {
    return this.contactMember.askToBeCalled(member);
  }

  @Put('communities/:cid/me/contact-phone')
  choosePhoneShown(
    @Member() member: CommunityAccess,
    @Body() body: ContactPhoneChoiceDto,
  ): Promise<ContactPhoneChoiceRequest> {
    return this.contactMember.choosePhoneShown(member, body.showPhoneToHouseholds);
  }

  @Post('communities/:cid/demands')
  @RateLimit(RATE_LIMITS.postPerTenMinutes, RATE_LIMITS.postPerDay)
  raise(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Body() body: RaiseDemandDto,
  ): Promise<DemandView> {
    return this.demands.raise(member, auth.user.id, body);
  }

  @Get('communities/:cid/demands')
  listDemands(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Query() query: DemandsQueryDto,
  ): Promise<Page<DemandView>> {
    return this.demandViews.list(member, auth.user.id, query);
  }

  @Post('demands/:demandId/transition')
  @HttpCode(200)
  transition(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('demandId') id: string,
    @Body() body: DemandTransitionDto,
  ): Promise<DemandView> {
    return this.demands.transition(member, auth.user.id, id, body);
  }

  @Post('demands/:demandId/wish')
  toWish(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('demandId') id: string,
  ): Promise<WishView> {
    return this.demands.toWish(member, auth.user, id);
  }
}
