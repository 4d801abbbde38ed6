import type { PrivacyConsentRequest } from '@redvest/contract';
import { ApiProperty } from '@nestjs/swagger';
import { Line } from '../common/fields';

export class PrivacyConsentDto implements PrivacyConsentRequest {
  @ApiProperty({ description: '所同意的隐私保护指引版本' }) @Line(16) version!: string;
}
