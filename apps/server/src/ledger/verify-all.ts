import { DataSource } from 'typeorm';
import { Community } from '../communities/community.entity';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { verifyLedger } from './ledger-verifier';

/**
 * Walks every community's chain and totals on the configured database and prints one line each (and
 * the first problems of a broken one); returns how many are broken. Read-only on the embedded file, so
 * it can run beside a running server without taking its writes' turn.
 */
export async function verifyAllLedgers(config: AppConfig, print = console.log): Promise<number> {
  const reader = config.database.kind === 'sqlite';
  const dataSource = new DataSource(dataSourceOptions(config.database, { reader }));
  await dataSource.initialize();
  let broken = 0;
  try {
    const communities = await dataSource.manager.find(Community, { order: { name: 'ASC' } });
    const isolation = reader ? 'SERIALIZABLE' : 'REPEATABLE READ';
    for (const community of communities) {
      const started = Date.now();
      const result = await dataSource.transaction(isolation, (em) => verifyLedger(em, community.id));
      const took = Date.now() - started;
      if (result.ok) {
        print(
          `✓ ${community.name}：${result.transfers} 笔流水、${result.accounts} 个账户，校验通过（${took} ms）`,
        );
        continue;
      }
      broken++;
      print(`✗ ${community.name}：校验未通过（${took} ms）`);
      if (result.firstBroken)
        print(
          `  第一处损坏：第 ${result.firstBroken.sequence} 条 ${result.firstBroken.transferId ?? ''} ${result.firstBroken.problem}`,
        );
      result.problems.slice(0, 20).forEach((p) => print(`  - ${p}`));
    }
  } finally {
    await dataSource.destroy();
  }
  return broken;
}
