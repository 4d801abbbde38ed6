import type {
  LedgerVerification,
  LeaderboardResponse,
  MyPointsResponse,
  MyTransferView,
  Page,
  StatementResponse,
  TransferView,
} from '@redvest/contract';
import { LeaderboardPeriod, Unit } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, CommunityAccess, Member } from '../auth/auth-context';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency-key';
import { Db } from '../database/db';
import { AdjustmentDto, LeaderboardQuery, MyTransfersQuery, ReverseDto, StatementQuery } from './dto';
import { LedgerReadsService } from './ledger-reads.service';
import { verifyLedger } from './ledger-verifier';
import { PointsCommandsService } from './points-commands.service';

@ApiTags('积分')
@ApiBearerAuth()
@Controller('api')
export class PointsController {
  constructor(
    private readonly reads: LedgerReadsService,
    private readonly commands: PointsCommandsService,
    private readonly db: Db,
  ) {}

  @Get('me/points')
  myPoints(@Auth() auth: AuthContext): Promise<MyPointsResponse> {
    return this.reads.myPoints(auth.user.id);
  }

  @Get('me/transfers')
  myTransfers(@Auth() auth: AuthContext, @Query() query: MyTransfersQuery): Promise<Page<MyTransferView>> {
    return this.reads.myTransfers(auth.user.id, query);
  }

  @Get('communities/:cid/leaderboard')
  leaderboard(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Query() query: LeaderboardQuery,
  ): Promise<LeaderboardResponse> {
    return this.reads.leaderboard(
      member,
      auth.user.id,
      query.period ?? LeaderboardPeriod.Month,
      query.unit ?? Unit.Points,
      query.limit ?? 20,
    );
  }

  @Get('communities/:cid/statements/:userId')
  statement(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('userId') userId: string,
    @Query() query: StatementQuery,
  ): Promise<StatementResponse> {
    return this.reads.statement(member, auth.user.id, userId, query);
  }

  @Post('communities/:cid/adjustments')
  @ApiIdempotencyKey()
  adjust(
    @Auth() auth: AuthContext,
    @Param('cid') cid: string,
    @Body() body: AdjustmentDto,
    @IdempotencyKey('adjustments') key: string,
  ): Promise<TransferView> {
    return this.commands.adjust(cid, body, key, auth.user.id);
  }

  @Post('transfers/:transferId/reverse')
  @HttpCode(200)
  reverse(
    @Auth() auth: AuthContext,
    @Member() member: CommunityAccess,
    @Param('transferId') transferId: string,
    @Body() body: ReverseDto,
  ): Promise<TransferView[]> {
    return this.commands.reverse(member.communityId, transferId, body.reason, auth.user.id);
  }

  @Get('communities/:cid/ledger/verify')
  verify(@Param('cid') cid: string): Promise<LedgerVerification> {
    return this.db.snapshot((em) => verifyLedger(em, cid));
  }
}
