import { Entity, PrimaryColumn } from 'typeorm';
import { RefColumn, TimeColumn } from '../database/columns';

/** A token ended by 退出登录 before its time; the row goes once the token would have expired anyway. */
@Entity('revoked_tokens')
export class RevokedToken {
  @PrimaryColumn({ type: 'varchar', length: 36 }) jti!: string;
  @RefColumn({ name: 'user_id' }) userId!: string;
  @TimeColumn({ name: 'expires_at' }) expiresAt!: Date;
}
