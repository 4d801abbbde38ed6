import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './schema';

/** WeChat's access token cache, shared by all server processes. */
export class WechatTokens1763906400000 implements MigrationInterface {
  name = 'WechatTokens1763906400000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'wechat_tokens',
        columns: [
          { ...col.text('app_id', 32), isPrimary: true },
          col.text('token', 512),
          col.time('expires_at'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('wechat_tokens');
  }
}
