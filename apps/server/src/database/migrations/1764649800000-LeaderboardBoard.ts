import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { index } from './schema';

const TOTALS = 'ledger_period_totals';
const REBUILT = 'ledger_period_totals_rebuilt';
const count = (name: string): TableColumnOptions => ({ name, type: 'bigint', default: 0 });

/**
 * The leaderboard reads its board index alone: whether the user is a member now is kept on their period
 * totals (the rank's count joined each row above with its membership: 550 ms at 100k members), the rows
 * are keyed by member for the statement and membership changes, and on MySQL the key columns (ids, units,
 * periods: all ASCII) compare as bytes, which makes counting a range of the index almost four times faster.
 */
export class LeaderboardBoard1764649800000 implements MigrationInterface {
  name = 'LeaderboardBoard1764649800000';

  async up(db: QueryRunner): Promise<void> {
    const ascii = db.connection.driver.options.type === 'mysql';
    await rebuild(db, {
      // Led by the user: no index but the board leads by community, so the board is what a count reads.
      key: ['user_id', 'community_id', 'unit', 'period'],
      ascii,
      board: ['community_id', 'unit', 'period', 'is_member', 'earned', 'user_id'],
      member: `CASE WHEN EXISTS (SELECT 1 FROM memberships m
         WHERE m.community_id = t.community_id AND m.user_id = t.user_id) THEN 1 ELSE 0 END`,
    });
  }

  async down(db: QueryRunner): Promise<void> {
    await rebuild(db, {
      key: ['community_id', 'unit', 'period', 'user_id'],
      ascii: false,
      board: ['community_id', 'unit', 'period', 'earned'],
      member: null,
    });
  }
}

/** The totals copied into a table of the new shape, which then takes the old one's place. */
async function rebuild(
  db: QueryRunner,
  shape: { key: string[]; ascii: boolean; board: string[]; member: string | null },
): Promise<void> {
  const keyColumn = (name: string): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: name.endsWith('_id') ? '36' : name === 'unit' ? '16' : '7',
    isPrimary: true,
    ...(shape.ascii ? { charset: 'ascii', collation: 'ascii_bin' } : {}),
  });
  const boardIndex = shape.member ? 'ix_ledger_period_totals_board' : 'ix_ledger_period_totals_rank';
  await db.createTable(
    new Table({
      name: REBUILT,
      columns: [
        ...shape.key.map(keyColumn),
        count('earned'),
        count('spent'),
        ...(shape.member ? [{ name: 'is_member', type: 'boolean', default: true }] : []),
      ],
      indices: [index(boardIndex, shape.board)],
    }),
  );
  const columns = [...shape.key, 'earned', 'spent'];
  await db.query(
    `INSERT INTO ${REBUILT} (${columns.join(', ')}${shape.member ? ', is_member' : ''})
     SELECT ${columns.map((c) => `t.${c}`).join(', ')}${shape.member ? `, ${shape.member}` : ''} FROM ${TOTALS} t`,
  );
  await db.dropTable(TOTALS);
  await db.renameTable(REBUILT, TOTALS);
}
