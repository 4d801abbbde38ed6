import type { DeleteAccountRequest, RemoveMemberRequest } from '@redvest/contract';
import { ACCOUNT_DELETION_CONFIRMATION } from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Line, Lines, Optional } from '../common/fields';

export class DeleteAccountDto implements Partial<DeleteAccountRequest> {
  /** Checked by the service, so a missing or wrong value answers DELETION_NOT_CONFIRMED. */
  @ApiPropertyOptional({
    description: `须为 ${ACCOUNT_DELETION_CONFIRMATION}`,
    example: ACCOUNT_DELETION_CONFIRMATION,
  })
  @Optional()
  @Line(32)
  confirm?: typeof ACCOUNT_DELETION_CONFIRMATION;
}

export class RemoveMemberDto implements RemoveMemberRequest {
  @ApiProperty({ example: '已搬离本社区' }) @Lines(200, { required: true }) reason!: string;
}
