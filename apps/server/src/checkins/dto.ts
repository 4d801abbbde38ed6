import { CheckinRequest } from '@redvest/contract';
import { DATE_BOUNDS } from '@redvest/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Latitude, Longitude, Moment, Optional } from '../common/fields';

export class CheckinDto implements CheckinRequest {
  /**
   * Checked by the token reader itself, so that every bad code gets its own error (a QR code of anything
   * else is CHECKIN_CODE_INVALID); it is neither stored nor shown, so it is not checked as text.
   */
  @ApiProperty({ description: '二维码中的签到码' }) @IsString() @MaxLength(200) token!: string;
  @ApiPropertyOptional({ enum: ['auto', 'check_out'] }) @Optional() @IsIn(['auto', 'check_out']) intent?:
    'auto' | 'check_out';
  @ApiPropertyOptional({ description: '离线扫码的时间' })
  @Optional()
  @Moment(DATE_BOUNDS.scannedAt)
  scannedAt?: string;
  @ApiPropertyOptional() @Optional() @Latitude() latitude?: number;
  @ApiPropertyOptional() @Optional() @Longitude() longitude?: number;
}
