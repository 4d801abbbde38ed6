import type { MeResponse, PrivacyNotice } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from '../auth/auth-context';
import { PrivacyConsentDto, UpdateSettingsDto } from './dto';
import { MeService } from './me.service';
import { PRIVACY_NOTICE } from './privacy-notice';

@ApiTags('我的')
@ApiBearerAuth()
@Controller('api')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get('privacy')
  privacy(): PrivacyNotice {
    return PRIVACY_NOTICE;
  }

  @Get('me')
  describe(@Auth() auth: AuthContext): Promise<MeResponse> {
    return this.me.describe(auth.user);
  }

  @Post('me/privacy-consent')
  @HttpCode(200)
  agreePrivacy(@Auth() auth: AuthContext, @Body() body: PrivacyConsentDto): Promise<MeResponse> {
    return this.me.agreePrivacy(auth.user.id, body.version);
  }

  @Put('me/settings')
  updateSettings(@Auth() auth: AuthContext, @Body() body: UpdateSettingsDto): Promise<MeResponse> {
    return this.me.updateSettings(auth.user.id, body);
  }
}
