import { AppConfig } from '../config/app-config';
import { checkEveryCommunity, terminalSafe } from '../database/every-community';
import { verifyAuditChain } from './audit-verifier';

/** Walks every community's 审计日志 chain and prints one line each; returns how many are broken. */
export function verifyAllAuditLogs(config: AppConfig, print = console.log): Promise<number> {
  const say = terminalSafe(print);
  return checkEveryCommunity(config, async (em, community) => {
    const result = await verifyAuditChain(em, community.id);
    if (result.ok) {
      say(`✓ ${community.name}：审计日志 ${result.entries} 条，校验通过`);
      return true;
    }
    say(`✗ ${community.name}：审计日志校验未通过`);
    result.problems.slice(0, 20).forEach((p) => say(`  - ${p}`));
    return false;
  });
}
