import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { verifyAllAuditLogs } from './verify-all';

/** `npm run audit:verify`: walks every community's 审计日志 chain; exits 1 when any is broken. */
async function main() {
  loadDotEnv();
  process.exit((await verifyAllAuditLogs(loadConfig())) ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
