import { DataSource } from 'typeorm';
import { Community } from '../communities/community.entity';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { dataSourceOptions } from '../database/data-source-options';
import { verifyLedger } from './ledger-verifier';

/** `npm run ledger:verify`: walks every community's chain and totals; exits 1 when any is broken. */
async function main() {
  loadDotEnv();
  const config = loadConfig();
  // Read-only on the embedded file, so it can run beside a running server without taking its writes' turn.
  const dataSource = new DataSource(
    dataSourceOptions(config.database, { reader: config.database.kind === 'sqlite' }),
  );
  await dataSource.initialize();
  let broken = 0;
  try {
    const communities = await dataSource.manager.find(Community, { order: { name: 'ASC' } });
    for (const community of communities) {
      const started = Date.now();
      const isolation = config.database.kind === 'mysql' ? 'REPEATABLE READ' : 'SERIALIZABLE';
      const result = await dataSource.transaction(isolation, (em) => verifyLedger(em, community.id));
      const took = Date.now() - started;
      if (result.ok) {
        console.log(
          `✓ ${community.name}：${result.transfers} 笔流水、${result.accounts} 个账户，校验通过（${took} ms）`,
        );
      } else {
        broken++;
        console.log(`✗ ${community.name}：校验未通过（${took} ms）`);
        if (result.firstBroken)
          console.log(
            `  第一处损坏：第 ${result.firstBroken.sequence} 条 ${result.firstBroken.transferId ?? ''} ${result.firstBroken.problem}`,
          );
        result.problems.slice(0, 20).forEach((p) => console.log(`  - ${p}`));
      }
    }
  } finally {
    await dataSource.destroy();
  }
  process.exit(broken ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
