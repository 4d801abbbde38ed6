import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../database/columns';

/** WeChat's access token, shared by every server process (WeChat allows a limited number per day). */
@Entity('wechat_tokens')
export class WechatToken {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 32 }) appId!: string;
  @Column({ type: 'varchar', length: 512 }) token!: string;
  @TimeColumn({ name: 'expires_at' }) expiresAt!: Date;
}
