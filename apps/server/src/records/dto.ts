import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/paging';
import { IsIn, IsOptional } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CorrectionRequestDto {
  @ApiProperty({ description: '应记录的服务时长（分钟）' })
  @IsInt()
  @Min(0)
  @Max(24 * 60 * 7)
  minutes!: number;
  @ApiProperty({ example: '签退时手机没电，实际服务到 11 点' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class CorrectionDecisionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}

export class CorrectionsQuery extends PageQuery {
  @IsOptional() @IsIn(['pending', 'accepted', 'refused']) status?: 'pending' | 'accepted' | 'refused';
}

export class CertificateRequestDto {
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/) communityId!: string;
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE) to!: string;
}
