import type { AuthOptions, AuthResponse } from '@redvest/contract';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext } from './auth-context';
import { AuthService } from './auth.service';
import { DevLoginDto, WechatLoginDto } from './dto';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { RATE_LIMITS } from '../rate-limits/rules';

@ApiTags('登录')
@ApiBearerAuth()
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('options')
  options(): AuthOptions {
    return this.auth.options();
  }

  @Post('wechat')
  @RateLimit(RATE_LIMITS.wechatLogin)
  @HttpCode(200)
  wechat(@Body() body: WechatLoginDto): Promise<AuthResponse> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Auth() auth: AuthContext): Promise<void> {
    return this.auth.logout(auth);
  }

  @Post('logout-all')
  @HttpCode(204)
  logoutEverywhere(@Auth() auth: AuthContext): Promise<void> {
    return this.auth.logoutEverywhere(auth);
  }

  /** Only when AUTH_DEV_LOGIN=1; otherwise answers 404 as if it did not exist. */
  @Post('dev-login')
  @RateLimit(RATE_LIMITS.devLogin)
  @HttpCode(200)
  devLogin(@Body() body: DevLoginDto): Promise<AuthResponse> {
    return this.auth.devLogin(body.openid, body.nickname);
  }
}
