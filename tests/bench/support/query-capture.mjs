// The statements the server sent for one request, read from MariaDB's general query log: only the
// connections the server holds to the benchmark's database, only while the request ran.
import { serverRequire } from './paths.mjs';
import { MYSQL_URL } from './database.mjs';

const mysql = serverRequire('mysql2/promise');

export async function captureStatements(databaseName, request) {
  const admin = await mysql.createConnection(MYSQL_URL);
  const threads = async () =>
    (
      await admin.query(
        'SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()',
        [databaseName],
      )
    )[0].map((row) => row.ID);
  const [[before]] = await admin.query('SELECT @@global.general_log AS on_, @@global.log_output AS output');
  const known = new Set(await threads());
  await admin.query("SET GLOBAL log_output = 'TABLE'");
  await admin.query('SET GLOBAL general_log = 1');
  const [[{ started }]] = await admin.query('SELECT NOW(6) AS started');
  let answer;
  try {
    answer = await request();
  } finally {
    await admin.query('SET GLOBAL general_log = ?', [before.on_]);
    await admin.query('SET GLOBAL log_output = ?', [before.output]);
  }
  for (const id of await threads()) known.add(id);
  const [rows] = await admin.query(
    `SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log
     WHERE event_time >= ? AND thread_id IN (?) AND command_type IN ('Query', 'Execute')
     ORDER BY event_time`,
    [started, [...known]],
  );
  if (!before.on_) await admin.query('TRUNCATE mysql.general_log');
  await admin.end();
  return { answer, statements: rows.map((row) => ({ thread: row.thread_id, sql: row.sql_text })) };
}
