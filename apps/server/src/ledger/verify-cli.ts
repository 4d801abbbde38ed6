import { ConfigError, loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dotenv';
import { verifyAllLedgers } from './verify-all';

/** `npm run ledger:verify`: walks every community's chain and totals; exits 1 when any is broken. */
async function main() {
  loadDotEnv();
  const broken = await verifyAllLedgers(loadConfig());
  process.exit(broken ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
