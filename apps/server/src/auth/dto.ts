import type { DevLoginRequest, WechatLoginRequest } from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Line, Optional } from '../common/fields';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login 返回的 code' }) @Line(128, { required: true }) code!: string;
}

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ example: 'demo-secretary' })
  @Matches(/^[A-Za-z0-9_-]{3,64}$/)
  openid!: string;

  @ApiPropertyOptional() @Optional() @Line(32, { required: true }) nickname?: string;
}
