import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Fills in the actor's name on the 审计日志 entries written before it was stored, from the membership, where it
 * still has a real name. This is the one statement that changes audit rows: only the new column, only on
 * version-1 entries, whose hash never covered it (see `auditHash`).
 */
export async function fillActorNames(db: QueryRunner): Promise<void> {
  const membership =
    'FROM memberships m WHERE m.community_id = audit_entries.community_id AND m.user_id = audit_entries.actor_id';
  await db.query(
    `UPDATE audit_entries SET actor_name = (SELECT m.real_name ${membership}) ` +
      `WHERE hash_version = 1 AND actor_name IS NULL AND EXISTS (SELECT 1 ${membership} AND m.real_name IS NOT NULL)`,
  );
}

/** 审计日志: the actor's name as they acted, kept on the entry, and the version of the entry's hash. */
export class AuditActorNames1764628200000 implements MigrationInterface {
  name = 'AuditActorNames1764628200000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('audit_entries', [
      new TableColumn({ name: 'actor_name', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'hash_version', type: 'int', default: 1 }),
    ]);
    await fillActorNames(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropColumn('audit_entries', 'hash_version');
    await db.dropColumn('audit_entries', 'actor_name');
  }
}
