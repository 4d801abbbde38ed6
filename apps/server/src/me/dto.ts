import type { PrivacyConsentRequest } from '@redvest/contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class PrivacyConsentDto implements PrivacyConsentRequest {
  @ApiProperty({ description: '所同意的隐私保护指引版本' })
  @IsString()
  @MaxLength(16)
  version!: string;
}
