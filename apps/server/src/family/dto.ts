import { LinkFamilyRequest } from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JoinDetailsDto } from '../communities/dto';
import { Line, Nested, Optional } from '../common/fields';

export class LinkFamilyDto implements LinkFamilyRequest {
  @ApiProperty({ example: 'K7QM 3WPX', description: '家人给的 8 位代码，大小写、空格和横线都可以' })
  @Line(32, { required: true })
  code!: string;
  @ApiPropertyOptional({ type: JoinDetailsDto, description: '还不是该社区成员时：同时申请加入' })
  @Optional()
  @Nested(() => JoinDetailsDto)
  join?: JoinDetailsDto;
}
