import type { Page, WishView } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import {
  ClaimWishDto,
  ConfirmWishDto,
  DispatchWishDto,
  FulfilWishDto,
  PostWishDto,
  ReasonDto,
  ReviewWishDto,
  WishesQuery,
  WishPointsDto,
} from './dto';
import { WishBoard } from './wish-board';
import { WishPointsService } from './wish-points.service';
import { WishPosting } from './wish-posting';
import { WishesService } from './wishes.service';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('微心愿')
@ApiBearerAuth()
@Controller('api')
export class WishesController {
  constructor(
    private readonly wishes: WishesService,
    private readonly posting: WishPosting,
    private readonly board: WishBoard,
    private readonly wishPoints: WishPointsService,
  ) {}

  @Post('communities/:cid/wishes')
  @RateLimit(RATE_LIMITS.postPerTenMinutes, RATE_LIMITS.postPerDay)
  post(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Body() body: PostWishDto,
  ): Promise<WishView> {
    return this.posting.post(member, auth.user, body);
  }

  @Get('communities/:cid/wishes')
  list(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Query() query: WishesQuery,
  ): Promise<Page<WishView>> {
    return this.board.list(member, auth.user.id, query);
  }

  @Get('communities/:cid/wish-points')
  points(@Member() member: CommunityAccess): Promise<Record<string, number>> {
    return this.wishPoints.points(member.communityId);
  }

  @Put('communities/:cid/wish-points')
  setPoints(@Member() member: CommunityAccess, @Body() body: WishPointsDto): Promise<Record<string, number>> {
    return this.wishPoints.setPoints(member.communityId, body.points);
  }

  @Get('wishes/:wishId')
  get(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
  ): Promise<WishView> {
    return this.board.get(member, auth.user.id, id);
  }

  @Post('wishes/:wishId/review')
  @HttpCode(200)
  review(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: ReviewWishDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, body.action, { reason: body.reason });
  }

  @Post('wishes/:wishId/claim')
  @HttpCode(200)
  claim(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: ClaimWishDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, 'claim', { onBehalfOfEmployer: body.onBehalfOfEmployer });
  }

  @Post('wishes/:wishId/release')
  @HttpCode(200)
  release(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: ReasonDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, 'release', body);
  }

  @Post('wishes/:wishId/dispatch')
  @HttpCode(200)
  dispatch(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: DispatchWishDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, 'dispatch', { dispatchTo: body.userId });
  }

  @Post('wishes/:wishId/fulfil')
  @HttpCode(200)
  fulfil(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: FulfilWishDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, 'fulfil', { fulfil: body });
  }

  /** The author confirms; a secretary confirms for a resident who cannot use a phone. */
  @Post('wishes/:wishId/confirm')
  @HttpCode(200)
  confirm(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: ConfirmWishDto,
  ): Promise<WishView> {
    return this.wishes.confirm(member, auth.user, id, body);
  }

  @Post('wishes/:wishId/dispute')
  @HttpCode(200)
  dispute(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: ReasonDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, 'dispute', body);
  }

  @Post('wishes/:wishId/cancel')
  @HttpCode(200)
  cancel(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Body() body: ReasonDto,
  ): Promise<WishView> {
    return this.wishes.act(member, auth.user, id, 'cancel', body);
  }

  /** 语音说明 as MP3, for the author and their family, the claimer and the reviewers; not kept by caches. */
  @Get('wishes/:wishId/voice')
  async voice(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { contentType, content } = await this.board.voice(member, auth.user.id, id);
    void reply.header('content-type', contentType).header('cache-control', 'private, no-store');
    return content;
  }

  /** 感谢信 of a confirmed wish, for secretaries and the member who fulfilled it. */
  @Get('wishes/:wishId/letter')
  async letter(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('wishId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, fileName } = await this.board.letter(member, auth.user.id, id);
    void reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="letter.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
    return pdf;
  }
}
