import type { RatingGrade, RatingLevel, ResourceKind3, ServiceMode } from '@redvest/contract';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_LENGTH, IdColumn, RefColumn, TimeColumn } from '../database/columns';

/** 资源单: a skill, time, money or goods a member or their employer offers. */
@Entity('resources')
@Index('ix_resources_community', ['communityId', 'active'])
export class Resource {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @RefColumn({ name: 'offered_by' }) offeredBy!: string;
  @RefColumn({ name: 'employer_id', nullable: true }) employerId!: string | null;
  @Column({ type: 'varchar', length: 8 }) kind!: ResourceKind3;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) description!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}

/** 项目单: a project that matches a resource to a demand, and who takes it. */
@Entity('service_projects')
@Index('ix_service_projects_community', ['communityId', 'status'])
export class ServiceProject {
  @IdColumn() id!: string;
  @RefColumn({ name: 'community_id' }) communityId!: string;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @Column({ type: 'varchar', length: 24 }) mode!: ServiceMode;
  @RefColumn({ name: 'demand_id', nullable: true }) demandId!: string | null;
  @RefColumn({ name: 'resource_id', nullable: true }) resourceId!: string | null;
  @RefColumn({ name: 'taker_id', nullable: true }) takerId!: string | null;
  @Column({ type: 'varchar', length: 8 }) status!: 'open' | 'taken' | 'done';
  @RefColumn({ name: 'created_by' }) createdBy!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
}

/** 三级评价: one grade per member, year and level. */
@Entity('member_ratings')
export class MemberRating {
  @PrimaryColumn({ name: 'community_id', type: 'varchar', length: ID_LENGTH }) communityId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: ID_LENGTH }) userId!: string;
  @PrimaryColumn({ type: 'int' }) year!: number;
  @PrimaryColumn({ type: 'varchar', length: 16 }) level!: RatingLevel;
  @Column({ type: 'varchar', length: 16 }) grade!: RatingGrade;
  @Column({ type: 'varchar', length: 200, nullable: true }) comment!: string | null;
  @RefColumn({ name: 'rated_by' }) ratedBy!: string;
  @TimeColumn({ name: 'rated_at' }) ratedAt!: Date;
}
