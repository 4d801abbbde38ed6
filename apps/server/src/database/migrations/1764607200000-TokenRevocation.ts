import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, index } from './schema';

/**
 * Logins that can be ended: a per-user token generation (退出所有设备 raises it, and every older token stops
 * working) and the ids of single tokens ended by 退出登录, kept until they would have expired anyway.
 */
export class TokenRevocation1764607200000 implements MigrationInterface {
  name = 'TokenRevocation1764607200000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn(
      'users',
      new TableColumn({ name: 'token_generation', type: 'int', isNullable: false, default: 0 }),
    );
    await db.createTable(
      new Table({
        name: 'revoked_tokens',
        columns: [{ ...col.text('jti', 36), isPrimary: true }, col.ref('user_id'), col.time('expires_at')],
        indices: [index('ix_revoked_tokens_expires', ['expires_at'])],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('revoked_tokens');
    await db.dropColumn('users', 'token_generation');
  }
}
