import { AppConfig } from '../config/app-config';
import { checkEveryCommunity, terminalSafe } from '../database/every-community';
import { verifyLedger } from './ledger-verifier';

/**
 * Walks every community's chain and totals on the configured database and prints one line each (and
 * the first problems of a broken one); returns how many are broken.
 */
export function verifyAllLedgers(config: AppConfig, print = console.log): Promise<number> {
  const say = terminalSafe(print);
  return checkEveryCommunity(config, async (em, community) => {
    const started = Date.now();
    const result = await verifyLedger(em, community.id);
    const took = Date.now() - started;
    if (result.ok) {
      say(
        `✓ ${community.name}：${result.transfers} 笔流水、${result.accounts} 个账户，校验通过（${took} ms）`,
      );
      return true;
    }
    say(`✗ ${community.name}：校验未通过（${took} ms）`);
    if (result.firstBroken)
      say(
        `  第一处损坏：第 ${result.firstBroken.sequence} 条 ${result.firstBroken.transferId ?? ''} ${result.firstBroken.problem}`,
      );
    result.problems.slice(0, 20).forEach((p) => say(`  - ${p}`));
    return false;
  });
}
