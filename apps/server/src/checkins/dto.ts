import { CheckinRequest } from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsLatitude, IsLongitude, IsOptional, IsString, MaxLength } from 'class-validator';

export class CheckinDto implements CheckinRequest {
  /** Checked by the token reader itself, so that every bad code gets its own error. */
  @ApiProperty({ description: '二维码中的签到码' }) @IsString() @MaxLength(200) token!: string;
  @ApiPropertyOptional({ enum: ['auto', 'check_out'] }) @IsOptional() @IsIn(['auto', 'check_out']) intent?:
    'auto' | 'check_out';
  @ApiPropertyOptional({ description: '离线扫码的时间' })
  @IsOptional()
  @IsISO8601({ strict: true })
  scannedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsLongitude() longitude?: number;
}
