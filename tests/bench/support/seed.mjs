// Bulk seeding in multi-row INSERTs: a community and its members with their roles, straight into the
// tables the server migrated (the server reads them as it would have written them).
import { randomBytes } from 'node:crypto';
import { serverModule, serverRequire } from './paths.mjs';
import { sqlTime } from './database.mjs';

const { newId } = serverModule('database/ids.js');
const { PRIVACY_NOTICE_VERSION } = serverRequire('@redvest/contract');
const CHUNK = 500;

/** `rows` into `table`, 500 to a statement. */
export async function insertRows(sql, table, columns, rows) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const one = `(${columns.map(() => '?').join(', ')})`;
    await sql.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`,
      chunk.flat(),
    );
  }
}

/**
 * A community with a secretary (unless `secretary: false`) and `count` members holding `roles`; answers
 * their user ids. `membership(i)` adds columns to the i-th member's membership (1-based; the same columns
 * for every member), such as `{ employer_id, phone_enc }`; `beforeMembers(communityId)` inserts what they
 * refer to (employers, compounds).
 */
export async function seedCommunity(
  sql,
  { count, roles, secretary = true, name = '压测社区', membership = null, beforeMembers = null },
) {
  const communityId = newId();
  const now = sqlTime();
  await sql.query(
    'INSERT INTO communities (id, name, street, invite_code, created_at) VALUES (?, ?, NULL, ?, ?)',
    [communityId, name, randomBytes(6).toString('hex').toUpperCase(), now],
  );
  await beforeMembers?.(communityId);
  const first = secretary ? 0 : 1;
  const people = Array.from({ length: count + 1 - first }, (_, j) => j + first).map((i) => ({
    userId: newId(),
    membershipId: newId(),
    name: i === 0 ? '压测书记' : `成员${i}`,
    roles: i === 0 ? ['secretary'] : roles,
  }));
  await insertRows(
    sql,
    'users',
    ['id', 'openid', 'nickname', 'privacy_version', 'privacy_agreed_at', 'created_at'],
    people.map((p) => [p.userId, `bench-${p.userId}`, p.name, PRIVACY_NOTICE_VERSION, now, now]),
  );
  const extra = membership ? Object.keys(membership(1)) : [];
  await insertRows(
    sql,
    'memberships',
    ['id', 'community_id', 'user_id', 'status', 'real_name', 'joined_at', ...extra],
    people.map((p, j) => {
      const more = membership && j + first > 0 ? membership(j + first) : null;
      return [
        p.membershipId,
        communityId,
        p.userId,
        'active',
        p.name,
        now,
        ...extra.map((c) => more?.[c] ?? null),
      ];
    }),
  );
  await insertRows(
    sql,
    'membership_roles',
    ['membership_id', 'role', 'compound_id', 'community_id'],
    people.flatMap((p) => p.roles.map((role) => [p.membershipId, role, '', communityId])),
  );
  return {
    communityId,
    secretaryId: secretary ? people[0].userId : null,
    memberIds: people.slice(first ? 0 : 1).map((p) => p.userId),
  };
}

/** Bearer tokens as the server issues them, made with its secret. */
export function tokenMaker(appSecret) {
  const { TokenService } = serverModule('auth/token.service.js');
  const tokens = new TokenService({ appSecret });
  return (userId) => tokens.issue({ id: userId, tokenGeneration: 0 });
}
