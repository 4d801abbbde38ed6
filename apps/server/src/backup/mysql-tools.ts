import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';

/** The client tools' arguments for a `mysql://user:pass@host:port/db` URL; the password goes by MYSQL_PWD. */
export function mysqlToolArgs(url: string): { args: string[]; database: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    args: [
      `--host=${parsed.hostname}`,
      `--port=${parsed.port || '3306'}`,
      `--user=${decodeURIComponent(parsed.username || 'root')}`,
      '--default-character-set=utf8mb4',
    ],
    database,
    env: { ...process.env, MYSQL_PWD: decodeURIComponent(parsed.password) },
  };
}

/**
 * `mysqldump --single-transaction`: one consistent snapshot of every InnoDB table while the server keeps
 * writing, without locking it.
 */
export function dumpMysql(url: string, file: string): Promise<void> {
  const { args, database, env } = mysqlToolArgs(url);
  const dump = [
    ...args,
    '--single-transaction',
    '--quick',
    '--skip-lock-tables',
    '--no-tablespaces',
    '--routines',
    '--triggers',
    '--hex-blob',
    database,
  ];
  return runTool('mysqldump', dump, env, { stdoutTo: file });
}

/** Loads a dump into the configured database. */
export function loadMysqlDump(url: string, file: string): Promise<void> {
  const { args, database, env } = mysqlToolArgs(url);
  return runTool('mysql', [...args, database], env, { stdinFrom: file });
}

function runTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdoutTo?: string; stdinFrom?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    // The dump is complete only when the tool has exited and its file is flushed.
    const written = io.stdoutTo
      ? new Promise<void>((done) =>
          child.stdout.pipe(createWriteStream(io.stdoutTo!, { mode: 0o600 })).on('finish', () => done()),
        )
      : Promise.resolve();
    if (io.stdinFrom) createReadStream(io.stdinFrom).pipe(child.stdin);
    else child.stdin.end();
    child.on('error', (error) =>
      reject(new Error(`${command} 无法运行（${error.message}）：请安装 MySQL/MariaDB 客户端`)),
    );
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} 失败（${code}）：${errors.trim()}`));
      else void written.then(() => resolve());
    });
  });
}
