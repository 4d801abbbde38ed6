// Replaying, with mysql2 directly, the statements the server sent for one request (as the query log
// recorded them), for other people: the limit the database sets for the same work, round trip for round
// trip. Each literal becomes a parameter; what belongs to the person or is new in the request (ids,
// rate-limit subjects, hashes) is replaced by that replay's own value, consistently across the replays of
// one person (so a check-out closes the attendance its check-in made), and what the request read from the
// chain head (sequence, previous hash) is taken from what the replay read there.
import { randomBytes } from 'node:crypto';
import { serverModule } from './paths.mjs';

const { newId } = serverModule('database/ids.js');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An id or a hash, alone or inside a text (an idempotency key is made of ids). */
const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{16,}\b/g;

/** The SQL with its literals as `?`, each literal with the column it is written to or compared with. */
export function template(sql) {
  const values = [];
  let text = '';
  let i = 0;
  let lastIdentifier = null;
  const insertColumns = /^INSERT INTO `?\w+`?\s*\(([^)]*)\)\s*VALUES/i
    .exec(sql)?.[1]
    .split(',')
    .map((c) => c.trim().replace(/`/g, ''));
  let valueIndex = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '`') {
      const end = sql.indexOf('`', i + 1);
      lastIdentifier = sql.slice(i + 1, end);
      text += sql.slice(i, end + 1);
      i = end + 1;
    } else if (ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < sql.length) {
        if (sql[j] === '\\') {
          value += sql[j + 1];
          j += 2;
        } else if (sql[j] === "'" && sql[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (sql[j] === "'") break;
        else value += sql[j++];
      }
      values.push({ value, column: columnOf(lastIdentifier, insertColumns, valueIndex++) });
      text += '?';
      i = j + 1;
    } else if (/[0-9]/.test(ch) && !/[\w.]/.test(sql[i - 1] ?? ' ')) {
      const match = /^\d+(\.\d+)?/.exec(sql.slice(i));
      values.push({ value: Number(match[0]), column: columnOf(lastIdentifier, insertColumns, valueIndex++) });
      text += '?';
      i += match[0].length;
    } else {
      const word = /^[A-Za-z_]\w*/.exec(sql.slice(i));
      if (word) {
        if (!/^(AND|OR|IS|NOT|NULL|IN|LIMIT|VALUES|SET|WHERE)$/i.test(word[0])) lastIdentifier = word[0];
        if (/^(NULL|false|true)$/i.test(word[0]) && insertColumns) valueIndex++;
        text += word[0];
        i += word[0].length;
      } else {
        text += ch;
        i++;
      }
    }
  }
  return { text, values };
}

function columnOf(lastIdentifier, insertColumns, valueIndex) {
  if (insertColumns) return insertColumns[valueIndex % insertColumns.length];
  return lastIdentifier;
}

/**
 * Replays captured requests for one person. `shared`: literals every replay keeps (the community, the
 * activity, the community's accounts); `person`: the captured person's id → this replay's; `head`: the
 * chain head as it was before the capture, so its values are recognised in what the request wrote.
 */
export function personReplay({ shared, capturedPerson, person, head }) {
  const mapped = new Map([[capturedPerson, person]]);
  let readHead = null;
  const fresh = (value) => {
    if (!mapped.has(value))
      mapped.set(value, UUID.test(value) ? newId() : randomBytes(value.length / 2).toString('hex'));
    return mapped.get(value);
  };
  const bind = ({ value, column }) => {
    if (typeof value === 'number') {
      if (head && readHead && /^(last_)?sequence$/.test(column) && value === head.lastSequence + 1)
        return readHead.lastSequence + 1;
      return value;
    }
    if (head && readHead && value === head.lastHash) return readHead.lastHash;
    return value.replace(TOKEN, (token) => (shared.has(token) ? token : fresh(token)));
  };
  return async function run(connection, templates) {
    for (const { text, values } of templates) {
      const bound = values.map(bind);
      const [rows] = await connection.query(text, bound).catch((error) => {
        throw new Error(`replay: ${error.message}\n  ${connection.format(text, bound).slice(0, 600)}`);
      });
      if (/FROM `?ledger_chain_heads`?.*FOR UPDATE/s.test(text) && rows[0]) {
        const column = (name) => rows[0][Object.keys(rows[0]).find((key) => key.endsWith(name))];
        readHead = { lastSequence: Number(column('last_sequence')), lastHash: column('last_hash') };
      }
    }
  };
}
