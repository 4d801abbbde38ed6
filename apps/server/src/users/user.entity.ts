import { Column, Entity } from 'typeorm';
import { IdColumn, TimeColumn } from '../database/columns';

/** A WeChat user of the mini-program, known by the openid WeChat gives for our app. */
@Entity('users')
export class User {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) openid!: string;
  @Column({ type: 'varchar', length: 64 }) nickname!: string;
  @Column({ name: 'privacy_version', type: 'varchar', length: 16, nullable: true }) privacyVersion!:
    string | null;
  @TimeColumn({ name: 'privacy_agreed_at', nullable: true }) privacyAgreedAt!: Date | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: Date;
  /** Raised by 退出所有设备: tokens issued under an older generation are refused. */
  @Column({ name: 'token_generation', type: 'int', default: 0 }) tokenGeneration!: number;
  /** 长辈模式: larger type and tap targets, on every page; the person's own choice. */
  @Column({ name: 'elderly_mode', type: 'boolean', default: false }) elderlyMode!: boolean;
  /** When they answered the offer of 长辈模式 or switched it; until then residents are offered it. */
  @TimeColumn({ name: 'elderly_mode_chosen_at', nullable: true }) elderlyModeChosenAt!: Date | null;
  /** 注销: the row stays (the ledger refers to it), emptied of everything personal; its tokens stop working. */
  @TimeColumn({ name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
}
