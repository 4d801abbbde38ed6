import type { PrivacyConsentRequest, UpdateSettingsRequest } from '@redvest/contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Line } from '../common/fields';

export class PrivacyConsentDto implements PrivacyConsentRequest {
  @ApiProperty({ description: '所同意的隐私保护指引版本' }) @Line(16) version!: string;
}

export class UpdateSettingsDto implements UpdateSettingsRequest {
  @ApiProperty({ description: '长辈模式：更大的字与按钮' }) @IsBoolean() elderlyMode!: boolean;
}
