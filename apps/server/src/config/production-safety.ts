/**
 * What production refuses to start with (DESIGN §8, apps/server/README.md 「生产环境的安全检查」).
 * Production is NODE_ENV=production, or a DATABASE_URL unless NODE_ENV says test or development and the
 * database is on this machine (localhost, 127.x, ::1).
 */

/** Example values printed in `.env.example` and the docs: copied as they are, they are no secret. */
export const EXAMPLE_APP_SECRETS = ['change-me-to-a-long-random-secret-string', 'changeme', 'secret'];
export const EXAMPLE_DATA_KEYS = ['0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'];

/** DATA_ENCRYPTION_KEY as bytes: 64 hex digits or base64. */
export function parseDataKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

export function isProduction(env: { NODE_ENV?: string; DATABASE_URL?: string }): boolean {
  if (env.NODE_ENV === 'production') return true;
  if (!env.DATABASE_URL) return false;
  // A database on another machine is a deployment's, whatever NODE_ENV says.
  return !(env.NODE_ENV === 'test' || env.NODE_ENV === 'development') || !isOnThisMachine(env.DATABASE_URL);
}

function isOnThisMachine(databaseUrl: string): boolean {
  try {
    const host = new URL(databaseUrl).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** Why a text secret is guessable, or null when it looks random enough. */
export function weakSecretReason(secret: string): string | null {
  const known = [...EXAMPLE_APP_SECRETS, ...EXAMPLE_DATA_KEYS];
  if (known.some((example) => example.toLowerCase() === secret.toLowerCase())) return '是文档中的示例值';
  return weakSymbolsReason([...secret], 32, 8, 80);
}

/** Why a 32-byte key is guessable (all zeros, a repeated byte or pattern, the documentation's example). */
export function weakKeyReason(key: Buffer, text: string): string | null {
  if (EXAMPLE_DATA_KEYS.includes(text.toLowerCase())) return '是文档中的示例值';
  return weakSymbolsReason([...key].map(String), 32, 12, 128);
}

/**
 * A random value of this length has many distinct symbols, no repeating unit and a high empirical entropy;
 * one letter repeated, `abab…`, `0123…` and `qwerty…` repeated fail one of these.
 */
function weakSymbolsReason(
  symbols: string[],
  minLength: number,
  minDistinct: number,
  minBits: number,
): string | null {
  if (symbols.length < minLength) return `太短（至少 ${minLength}）`;
  const counts = new Map<string, number>();
  for (const symbol of symbols) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
  if (counts.size < minDistinct) return `只由 ${counts.size} 种字符组成，容易被猜到`;
  if (hasRepeatingUnit(symbols)) return '由一小段内容重复组成，容易被猜到';
  const bitsPerSymbol = [...counts.values()].reduce((sum, count) => {
    const p = count / symbols.length;
    return sum - p * Math.log2(p);
  }, 0);
  if (bitsPerSymbol * symbols.length < minBits) return '随机性不足，容易被猜到';
  if (isMostlyAscending(symbols)) return '是连续的字符序列，容易被猜到';
  return null;
}

function hasRepeatingUnit(symbols: string[]): boolean {
  for (let period = 1; period <= symbols.length / 2; period++) {
    if (symbols.every((symbol, i) => i < period || symbol === symbols[i - period])) return true;
  }
  return false;
}

function isMostlyAscending(symbols: string[]): boolean {
  const codes = symbols.map((symbol) => (/^\d+$/.test(symbol) ? Number(symbol) : symbol.codePointAt(0)!));
  let steps = 0;
  for (let i = 1; i < codes.length; i++) if (codes[i] - codes[i - 1] === 1) steps++;
  return steps > (codes.length - 1) / 2;
}

export interface ProductionSettings {
  AUTH_DEV_LOGIN?: string;
  APP_SECRET?: string;
  DATA_ENCRYPTION_KEY?: string;
}

/** Every reason this configuration must not run in production, one line each. */
export function productionProblems(values: ProductionSettings): string[] {
  const problems: string[] = [];
  if (values.AUTH_DEV_LOGIN === '1')
    problems.push('AUTH_DEV_LOGIN: 生产环境不能开启体验登录（任何人都能以任何身份登录），请设为 0');
  if (values.APP_SECRET) {
    const reason = weakSecretReason(values.APP_SECRET);
    if (reason)
      problems.push(
        `APP_SECRET: ${reason}；请用 node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" 生成`,
      );
  }
  if (values.DATA_ENCRYPTION_KEY) {
    const reason = weakKeyReason(parseDataKey(values.DATA_ENCRYPTION_KEY), values.DATA_ENCRYPTION_KEY);
    if (reason)
      problems.push(
        `DATA_ENCRYPTION_KEY: ${reason}；请用 node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" 生成（已有加密数据时不能更换）`,
      );
  }
  return problems;
}
