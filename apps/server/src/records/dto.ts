import {
  CertificateRequest,
  CorrectionDecisionRequest,
  CorrectionRequest,
  CorrectionsQuery as CorrectionsRequest,
} from '@redvest/contract';
import { DATE_BOUNDS } from '@redvest/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CalendarDate, Id, Lines, Optional } from '../common/fields';
import { PageQuery } from '../common/paging';

export class CorrectionRequestDto implements CorrectionRequest {
  @ApiProperty({ description: '应记录的服务时长（分钟）' })
  @IsInt()
  @Min(0)
  @Max(24 * 60 * 7)
  minutes!: number;
  @ApiProperty({ example: '签退时手机没电，实际服务到 11 点' })
  @Lines(200, { required: true })
  reason!: string;
}

export class CorrectionDecisionDto implements CorrectionDecisionRequest {
  @ApiProperty() @Lines(200, { required: true }) reason!: string;
}

export class CorrectionsQuery extends PageQuery implements CorrectionsRequest {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'refused'] })
  @Optional()
  @IsIn(['pending', 'accepted', 'refused'])
  status?: 'pending' | 'accepted' | 'refused';
}

export class CertificateRequestDto implements CertificateRequest {
  @ApiProperty() @Id() communityId!: string;
  @ApiProperty({ example: '2026-01-01' }) @CalendarDate(DATE_BOUNDS.certificateDate) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @CalendarDate(DATE_BOUNDS.certificateDate) to!: string;
}
