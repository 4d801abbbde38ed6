import type { UploadView, VoiceUploadView } from '@redvest/contract';
import { ErrorCode, VOICE_LIMITS } from '@redvest/contract';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, AuthContext } from '../auth/auth-context';
import { readOneFile } from '../common/multipart';
import { MAX_PHOTO_BYTES, UploadsService } from './uploads.service';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('照片')
@ApiBearerAuth()
@Controller('api/uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @RateLimit(RATE_LIMITS.uploadsPerTenMinutes, RATE_LIMITS.uploadsPerDay)
  @ApiConsumes('multipart/form-data')
  async upload(@Auth() auth: AuthContext, @Req() request: FastifyRequest): Promise<UploadView> {
    const content = await readOneFile(request, {
      maxBytes: MAX_PHOTO_BYTES,
      missing: ErrorCode.PhotoMissing,
      tooLarge: ErrorCode.PhotoTooLarge,
    });
    return this.uploads.save(auth.user.id, content);
  }

  @Post('voice')
  @RateLimit(RATE_LIMITS.uploadsPerTenMinutes, RATE_LIMITS.uploadsPerDay)
  @ApiConsumes('multipart/form-data')
  async uploadVoice(@Auth() auth: AuthContext, @Req() request: FastifyRequest): Promise<VoiceUploadView> {
    const content = await readOneFile(request, {
      maxBytes: VOICE_LIMITS.maxBytes,
      missing: ErrorCode.VoiceMissing,
      tooLarge: ErrorCode.VoiceTooLarge,
    });
    return this.uploads.saveVoice(auth.user.id, content);
  }

  @Get(':uploadId')
  async read(
    @Param('uploadId') id: string,
    @Query('e') expires: string,
    @Query('s') signature: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { contentType, content } = await this.uploads.read(id, expires, signature);
    void reply
      .header('content-type', contentType)
      .header('cache-control', 'private, max-age=86400')
      .send(content);
  }
}
