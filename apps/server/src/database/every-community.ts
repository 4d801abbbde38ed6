import { printable } from '@redvest/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Community } from '../communities/community.entity';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/**
 * Runs `check` on every community of the configured database, each in one consistent read (a snapshot), and
 * returns how many it found broken. Read-only on the embedded file, so it can run beside a running server
 * without taking its writes' turn (`ledger:verify`, `audit:verify`, the check after a restore).
 */
export async function checkEveryCommunity(
  config: AppConfig,
  check: (em: EntityManager, community: Community) => Promise<boolean>,
): Promise<number> {
  const reader = config.database.kind === 'sqlite';
  const dataSource = new DataSource(dataSourceOptions(config.database, { reader }));
  await dataSource.initialize();
  let broken = 0;
  try {
    const communities = await dataSource.manager.find(Community, { order: { name: 'ASC' } });
    const isolation = reader ? 'SERIALIZABLE' : 'REPEATABLE READ';
    for (const community of communities) {
      if (!(await dataSource.transaction(isolation, (em) => check(em, community)))) broken++;
    }
  } finally {
    await dataSource.destroy();
  }
  return broken;
}

/** What these commands print to the operator's terminal: names come from users, and an ESC in one would command it. */
export function terminalSafe(print: (line: string) => void): (line: string) => void {
  return (line) => print(printable(line));
}
