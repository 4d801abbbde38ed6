import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

import { isProduction, productionProblems } from './production-safety';

const PORT_RANGE = 'PORT 应为 1 到 65535 之间的整数';

/** The environment variables the server reads (DESIGN §8); `.env.example` lists each of them. */
export class Environment {
  @IsOptional()
  @IsInt({ message: PORT_RANGE })
  @Min(1, { message: PORT_RANGE })
  @Max(65535, { message: PORT_RANGE })
  PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional()
  @IsIn(['production', 'development', 'test'], { message: 'NODE_ENV 应为 production、development 或 test' })
  NODE_ENV?: string;
  @IsOptional() @IsIn(['0', '1']) API_DOCS?: string;
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'TRUST_PROXY 应为 true、false、代理层数，或逗号分隔的地址、网段（loopback、uniquelocal 等）',
  })
  TRUST_PROXY?: string;
  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, {
    message: 'DATABASE_URL 应形如 mysql://user:pass@host:3306/dbname',
  })
  DATABASE_URL?: string;
  @IsOptional()
  @Matches(/^(auto|[0-9]|1[0-5])$/, {
    message: 'DATABASE_SYNC_WAIT 应为 auto 或 0 到 15 的整数（Galera 集群的 wsrep_sync_wait）',
  })
  DATABASE_SYNC_WAIT?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsString() H5_DIR?: string;
  @IsOptional() @IsString() @MinLength(32, { message: 'APP_SECRET 至少 32 个字符' }) APP_SECRET?: string;
  @IsOptional()
  @Matches(/^([A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, {
    message: 'DATA_ENCRYPTION_KEY 应为 32 字节密钥：64 位十六进制或 44 位 base64',
  })
  DATA_ENCRYPTION_KEY?: string;
  @IsOptional() @IsIn(['0', '1']) AUTH_DEV_LOGIN?: string;
  @IsOptional()
  @Matches(/^wx[0-9a-f]{16}$/, { message: 'WECHAT_APPID 应形如 wx 加 16 位十六进制' })
  WECHAT_APPID?: string;
  @IsOptional() @IsString() @MinLength(16) WECHAT_SECRET?: string;
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) WECHAT_API_BASE?: string;
  @IsOptional() @IsIn(['0', '1']) DEMO_SEED?: string;
  @IsOptional() @IsString() PLATFORM_ADMIN_OPENIDS?: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional()
  @Matches(/^\d{1,5}$/, { message: 'JOBS_INTERVAL_SECONDS 应为秒数（0 表示不运行定时任务）' })
  JOBS_INTERVAL_SECONDS?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{10,64}$/, { message: 'WECHAT_TEMPLATE_WISH 应为订阅消息模板 ID' })
  WECHAT_TEMPLATE_WISH?: string;
  @IsOptional() @Matches(/^\d{1,3}$/) WISH_CLAIM_DAYS?: string;
  @IsOptional() @Matches(/^\d{1,3}$/) WISH_AUTO_CONFIRM_DAYS?: string;
  @IsOptional() @Matches(/^\d{1,2}$/) WISH_MAX_OPEN_CLAIMS?: string;
}

const KNOWN: Record<string, true> = {
  PORT: true,
  HOST: true,
  NODE_ENV: true,
  API_DOCS: true,
  TRUST_PROXY: true,
  DATABASE_URL: true,
  DATABASE_SYNC_WAIT: true,
  DATA_DIR: true,
  H5_DIR: true,
  APP_SECRET: true,
  DATA_ENCRYPTION_KEY: true,
  AUTH_DEV_LOGIN: true,
  WECHAT_APPID: true,
  WECHAT_SECRET: true,
  WECHAT_API_BASE: true,
  DEMO_SEED: true,
  PLATFORM_ADMIN_OPENIDS: true,
  LOG_LEVEL: true,
  JOBS_INTERVAL_SECONDS: true,
  WECHAT_TEMPLATE_WISH: true,
  WISH_CLAIM_DAYS: true,
  WISH_AUTO_CONFIRM_DAYS: true,
  WISH_MAX_OPEN_CLAIMS: true,
};

export const ENVIRONMENT_KEYS = Object.keys(KNOWN);

/** Validates the variables; returns the problems as readable lines (empty when all is well). */
export function validateEnvironment(env: NodeJS.ProcessEnv): { values: Environment; problems: string[] } {
  const known = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in KNOWN && value !== undefined && value !== ''),
  );
  const values = plainToInstance(Environment, known, { enableImplicitConversion: false });
  if (known.PORT !== undefined) values.PORT = /^\d+$/.test(known.PORT) ? Number(known.PORT) : (NaN as number);
  const problems = [
    ...new Set(
      validateSync(values, { forbidUnknownValues: false }).flatMap((error) =>
        Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
      ),
    ),
  ];
  if (values.WECHAT_APPID && !values.WECHAT_SECRET)
    problems.push('WECHAT_SECRET: 配置了 WECHAT_APPID 时必须同时配置');
  if (values.WECHAT_SECRET && !values.WECHAT_APPID)
    problems.push('WECHAT_APPID: 配置了 WECHAT_SECRET 时必须同时配置');
  if (values.DATABASE_URL) {
    if (!values.APP_SECRET) problems.push('APP_SECRET: 使用 MySQL（生产环境）时必须配置');
    if (!values.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: 使用 MySQL（生产环境）时必须配置');
  }
  if (isProduction(values)) problems.push(...productionProblems(values));
  return { values, problems };
}
