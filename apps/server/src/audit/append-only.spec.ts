import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** Ways TypeORM or SQL could change or remove a row of the audit log. */
const CHANGES = [
  /\.(update|delete|remove|save|upsert|softDelete|softRemove|restore|increment|decrement|clear)\(\s*AuditEntry\b/,
  /\.(update|delete)\(\)\s*\.(from|into|table)?\(?\s*AuditEntry\b/,
  /createQueryBuilder\(\s*AuditEntry[^)]*\)\s*\.(update|delete)\(/,
  /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|REPLACE\s+INTO)\s+`?audit_entries\b/i,
];

/**
 * The one change to audit rows there is: a migration filling in the actor's name, a column added after the
 * entries were written and outside their hash (`auditHash`, version 1), on those entries only.
 */
const FILLED_IN = {
  file: 'database/migrations/1764628200000-AuditActorNames.ts',
  statement:
    /`UPDATE audit_entries SET actor_name = \(SELECT m\.real_name \$\{membership\}\) ` \+\s+`WHERE hash_version = 1 AND actor_name IS NULL AND /,
};

describe('the audit log is append-only', () => {
  it('has no code path that updates or deletes its rows', () => {
    const offending = sources(SRC).flatMap((file) => {
      let text = readFileSync(file, 'utf8');
      if (relative(SRC, file) === FILLED_IN.file) {
        expect(text).toMatch(FILLED_IN.statement);
        text = text.replace(FILLED_IN.statement, '');
      }
      return CHANGES.filter((pattern) => pattern.test(text)).map((p) => `${relative(SRC, file)}: ${p}`);
    });
    expect(offending).toEqual([]);
  });

  it('inserts its rows in one place only', () => {
    const inserting = sources(SRC).filter((file) =>
      /insert\(\s*AuditEntry\b/.test(readFileSync(file, 'utf8')),
    );
    expect(inserting.map((file) => relative(SRC, file))).toEqual(['audit/audit-trail.ts']);
  });

  it('would notice an update written the usual ways', () => {
    const samples = [
      'em.update(AuditEntry, { id }, { summary })',
      'await em.delete(AuditEntry, { communityId })',
      "em.createQueryBuilder(AuditEntry, 'e').delete()",
      "query('UPDATE audit_entries SET summary = ?')",
      "query('delete from audit_entries')",
    ];
    for (const sample of samples) expect(CHANGES.some((pattern) => pattern.test(sample))).toBe(true);
  });
});
