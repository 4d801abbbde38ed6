import type { DevLoginRequest, WechatLoginRequest } from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login 返回的 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code!: string;
}

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ example: 'demo-secretary' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{3,64}$/)
  openid!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  nickname?: string;
}
