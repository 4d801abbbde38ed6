import {
  ClaimWishRequest,
  ConfirmWishRequest,
  FulfilWishRequest,
  PostWishRequest,
  ReviewWishRequest,
  WISH_CATEGORIES,
  WishCategory,
  WishStatus,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_BOUNDS } from '@redvest/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, Matches, Max, Min } from 'class-validator';
import { CalendarDate, Line, Lines, Optional } from '../common/fields';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

const ID = /^[0-9a-f-]{36}$/;

export class PostWishDto implements PostWishRequest {
  @ApiProperty({ example: '轮椅刹车坏了，想请人修一下' }) @Line(30, { required: true }) title!: string;
  @ApiProperty() @Lines(500, { required: true }) description!: string;
  @ApiProperty({ enum: WISH_CATEGORIES }) @IsIn(WISH_CATEGORIES) category!: WishCategory;
  /** More than three are refused by the service with its own code. */
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ID, { each: true })
  photos?: string[];
  @ApiPropertyOptional({ example: '阳光里小区 3栋2单元101' }) @Optional() @Line(100) place?: string;
  @ApiPropertyOptional() @Optional() @IsPhone() contactPhone?: string;
  @ApiPropertyOptional({ example: '2026-12-01' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.desiredDate)
  desiredDate?: string;
  @ApiPropertyOptional({ description: '社区书记代居民发布' }) @Optional() @Matches(ID) onBehalfOf?: string;
}

export class ReviewWishDto implements ReviewWishRequest {
  @ApiProperty({ enum: ['publish', 'reject'] }) @IsIn(['publish', 'reject']) action!: 'publish' | 'reject';
  @ApiPropertyOptional() @Optional() @Lines(200) reason?: string;
}

export class ClaimWishDto implements ClaimWishRequest {
  @ApiPropertyOptional({ description: '以原单位名义认领' })
  @Optional()
  @IsBoolean()
  onBehalfOfEmployer?: boolean;
}

export class DispatchWishDto {
  @ApiProperty() @Matches(ID) userId!: string;
}

export class FulfilWishDto implements FulfilWishRequest {
  @ApiProperty({ example: '已上门更换刹车片，试用正常' }) @Lines(500, { required: true }) note!: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ID, { each: true })
  photos?: string[];
}

export class ConfirmWishDto implements ConfirmWishRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @Optional() @IsInt() @Min(1) @Max(5) rating?: number;
  @ApiPropertyOptional({ example: '谢谢小张，轮椅又能用了！' }) @Optional() @Lines(300) thanks?: string;
}

export class ReasonDto {
  @ApiPropertyOptional() @Optional() @Lines(200) reason?: string;
}

export class WishesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WishStatus })
  @Optional()
  @IsIn(Object.values(WishStatus))
  status?: WishStatus;
  @ApiPropertyOptional({ enum: WISH_CATEGORIES })
  @Optional()
  @IsIn(WISH_CATEGORIES)
  category?: WishCategory;
  @ApiPropertyOptional({ enum: ['posted', 'claimed'] }) @Optional() @IsIn(['posted', 'claimed']) mine?:
    'posted' | 'claimed';
  @ApiPropertyOptional({ enum: ['newest', 'expiring'] }) @Optional() @IsIn(['newest', 'expiring']) sort?:
    'newest' | 'expiring';
}

export class WishPointsDto {
  @ApiProperty({ example: { 维修服务: 15 } }) @IsObject() points!: Record<string, number>;
}
