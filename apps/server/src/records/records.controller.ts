import type { CertificateView, CorrectionView, Page } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, AuthContext } from '../auth/auth-context';
import { CertificateRequestDto, CorrectionDecisionDto, CorrectionRequestDto, CorrectionsQuery } from './dto';
import { CertificatesService } from './certificates.service';
import { CorrectionsService } from './corrections.service';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('服务记录与证明')
@ApiBearerAuth()
@Controller('api')
export class RecordsController {
  constructor(
    private readonly correctionRequests: CorrectionsService,
    private readonly certificates: CertificatesService,
  ) {}

  @Post('attendances/:attendanceId/corrections')
  requestCorrection(
    @Auth() auth: AuthContext,
    @Param('attendanceId') id: string,
    @Body() body: CorrectionRequestDto,
  ): Promise<CorrectionView> {
    return this.correctionRequests.requestCorrection(id, auth.user.id, body.minutes, body.reason);
  }

  @Get('communities/:cid/corrections')
  corrections(@Param('cid') cid: string, @Query() query: CorrectionsQuery): Promise<Page<CorrectionView>> {
    return this.correctionRequests.list(cid, query.status, query.cursor, query.limit);
  }

  @Post('corrections/:correctionId/accept')
  @HttpCode(200)
  accept(
    @Auth() auth: AuthContext,
    @Param('correctionId') id: string,
    @Body() body: CorrectionDecisionDto,
  ): Promise<CorrectionView> {
    return this.correctionRequests.accept(id, auth.user.id, body.reason);
  }

  @Post('corrections/:correctionId/refuse')
  @HttpCode(200)
  refuse(
    @Auth() auth: AuthContext,
    @Param('correctionId') id: string,
    @Body() body: CorrectionDecisionDto,
  ): Promise<CorrectionView> {
    return this.correctionRequests.refuse(id, auth.user.id, body.reason);
  }

  @Post('me/certificates')
  @RateLimit(RATE_LIMITS.certificateIssue)
  issue(@Auth() auth: AuthContext, @Body() body: CertificateRequestDto): Promise<CertificateView> {
    return this.certificates.issueCertificate(auth.user.id, body.communityId, body.from, body.to);
  }

  @Get('certificates/:code')
  @RateLimit(RATE_LIMITS.certificateLookup)
  verify(@Param('code') code: string): Promise<CertificateView> {
    return this.certificates.verify(code);
  }

  @Get('certificates/:code/pdf')
  async pdf(
    @Auth() auth: AuthContext,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, filename } = await this.certificates.pdf(
      code,
      auth.user.id,
      `${request.protocol}://${request.host}`,
    );
    void reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      );
    return pdf;
  }
}
