import {
  ClaimWishRequest,
  ConfirmWishRequest,
  DispatchWishRequest,
  FulfilWishRequest,
  PostWishRequest,
  ReasonRequest,
  ReviewWishRequest,
  WISH_CATEGORIES,
  WISH_LIMITS,
  WishCategory,
  WishesQuery as WishesRequest,
  WishPointsRequest,
  WishStatus,
} from '@redvest/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_BOUNDS } from '@redvest/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, Max, Min } from 'class-validator';
import { CalendarDate, Id, Optional, Text } from '../common/fields';
import { IsPhone } from '../common/is-phone';
import { PageQuery } from '../common/paging';

export class PostWishDto implements PostWishRequest {
  @ApiProperty({ example: '轮椅刹车坏了，想请人修一下' }) @Text(WISH_LIMITS.title) title!: string;
  @ApiProperty() @Text(WISH_LIMITS.description) description!: string;
  @ApiProperty({ enum: WISH_CATEGORIES }) @IsIn(WISH_CATEGORIES) category!: WishCategory;
  /** More than three are refused by the service with its own code. */
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @Id({ each: true })
  photos?: string[];
  @ApiPropertyOptional({ description: '语音说明：POST /api/uploads/voice 返回的 id' })
  @Optional()
  @Id()
  voiceId?: string;
  @ApiPropertyOptional({ example: '阳光里小区 3栋2单元101' })
  @Optional()
  @Text(WISH_LIMITS.place)
  place?: string;
  @ApiPropertyOptional() @Optional() @IsPhone() contactPhone?: string;
  @ApiPropertyOptional({ example: '2026-12-01' })
  @Optional()
  @CalendarDate(DATE_BOUNDS.desiredDate)
  desiredDate?: string;
  @ApiPropertyOptional({ description: '社区书记代居民发布' }) @Optional() @Id() onBehalfOf?: string;
}

export class ReviewWishDto implements ReviewWishRequest {
  @ApiProperty({ enum: ['publish', 'reject'] }) @IsIn(['publish', 'reject']) action!: 'publish' | 'reject';
  @ApiPropertyOptional() @Optional() @Text(WISH_LIMITS.reason) reason?: string;
}

export class ClaimWishDto implements ClaimWishRequest {
  @ApiPropertyOptional({ description: '以原单位名义认领' })
  @Optional()
  @IsBoolean()
  onBehalfOfEmployer?: boolean;
}

export class DispatchWishDto implements DispatchWishRequest {
  @ApiProperty() @Id() userId!: string;
}

export class FulfilWishDto implements FulfilWishRequest {
  @ApiProperty({ example: '已上门更换刹车片，试用正常' }) @Text(WISH_LIMITS.fulfilNote) note!: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @Id({ each: true })
  photos?: string[];
}

export class ConfirmWishDto implements ConfirmWishRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @Optional() @IsInt() @Min(1) @Max(5) rating?: number;
  @ApiPropertyOptional({ example: '谢谢小张，轮椅又能用了！' })
  @Optional()
  @Text(WISH_LIMITS.thanks)
  thanks?: string;
}

export class ReasonDto implements ReasonRequest {
  @ApiPropertyOptional() @Optional() @Text(WISH_LIMITS.reason) reason?: string;
}

export class WishesQuery extends PageQuery implements WishesRequest {
  @ApiPropertyOptional({ enum: WishStatus })
  @Optional()
  @IsIn(Object.values(WishStatus))
  status?: WishStatus;
  @ApiPropertyOptional({ enum: WISH_CATEGORIES })
  @Optional()
  @IsIn(WISH_CATEGORIES)
  category?: WishCategory;
  @ApiPropertyOptional({ enum: ['posted', 'claimed', 'family'] })
  @Optional()
  @IsIn(['posted', 'claimed', 'family'])
  mine?: 'posted' | 'claimed' | 'family';
  @ApiPropertyOptional({ enum: ['newest', 'expiring'] }) @Optional() @IsIn(['newest', 'expiring']) sort?:
    'newest' | 'expiring';
}

export class WishPointsDto implements WishPointsRequest {
  @ApiProperty({ example: { 维修服务: 15 } }) @IsObject() points!: Record<string, number>;
}
