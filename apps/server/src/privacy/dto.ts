import type { DeleteAccountRequest, RemoveMemberRequest } from '@redvest/contract';
import { ACCOUNT_DELETION_CONFIRMATION } from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class DeleteAccountDto implements Partial<DeleteAccountRequest> {
  /** Checked by the service, so a missing or wrong value answers DELETION_NOT_CONFIRMED. */
  @ApiPropertyOptional({
    description: `须为 ${ACCOUNT_DELETION_CONFIRMATION}`,
    example: ACCOUNT_DELETION_CONFIRMATION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  confirm?: typeof ACCOUNT_DELETION_CONFIRMATION;
}

export class RemoveMemberDto implements RemoveMemberRequest {
  @ApiProperty({ example: '已搬离本社区' }) @IsString() @IsNotEmpty() @MaxLength(200) reason!: string;
}
