import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  FEEDS_FILE: z.string().min(1).default('./feeds.json'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  FETCH_CRON: z.string().min(1).default('0 * * * *'),
  EDITOR_TOKEN: z.string().min(1).optional(),
  READ_TOKEN: z.string().min(1).optional(),
  ROUNDUP_ZONE: z.string().min(1).default('Asia/Shanghai'),
  ALLOW_PRIVATE_HOSTS: booleanText.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(15 * 1024 * 1024),
  // 32: a source stuck until the timeout holds its slot, so the limit must exceed the slow ones (10% of 300 in the fetch bench).
  FETCH_CONCURRENCY: z.coerce.number().int().positive().default(32),
  FETCH_HOST_CONCURRENCY: z.coerce.number().int().positive().default(2),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  FETCH_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  FETCH_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  FETCH_RETRY_BASE_MS: z.coerce.number().int().min(0).default(1_000),
  PARSE_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
});

export type Config = Readonly<{
  databaseUrl?: string;
  dataDir: string;
  feedsFile: string;
  port: number;
  host: string;
  fetchCron: string;
  editorToken?: string;
  readToken?: string;
  roundupZone: string;
  allowPrivateHosts: boolean;
  logLevel: string;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchConcurrency: number;
  fetchHostConcurrency: number;
  /** Origins allowed to call the API from a browser ("*" for any); empty: no CORS headers. */
  corsOrigins: readonly string[];
  /** Search and export requests per client per minute; 0: unlimited. */
  rateLimitPerMinute: number;
  fetchHeadersTimeoutMs: number;
  fetchRetries: number;
  fetchRetryBaseMs: number;
  /** Worker threads that parse fetched bodies; 0 parses on the main thread. */
  parseWorkers: number;
}>;

/** Parses the environment once into a frozen Config; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new AppError('config', `config: ${name} is invalid: ${issue?.message ?? 'unknown problem'}`);
  }
  const e = parsed.data;
  return Object.freeze({
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    feedsFile: resolve(e.FEEDS_FILE),
    port: e.PORT,
    host: e.HOST,
    fetchCron: e.FETCH_CRON,
    editorToken: e.EDITOR_TOKEN,
    readToken: e.READ_TOKEN,
    roundupZone: e.ROUNDUP_ZONE,
    allowPrivateHosts: e.ALLOW_PRIVATE_HOSTS,
    logLevel: e.LOG_LEVEL,
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    fetchMaxBytes: e.FETCH_MAX_BYTES,
    fetchConcurrency: e.FETCH_CONCURRENCY,
    fetchHostConcurrency: e.FETCH_HOST_CONCURRENCY,
    corsOrigins: Object.freeze(e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    fetchHeadersTimeoutMs: e.FETCH_HEADERS_TIMEOUT_MS,
    fetchRetries: e.FETCH_RETRIES,
    fetchRetryBaseMs: e.FETCH_RETRY_BASE_MS,
    // One parse worker when there is a core to spare (src/pipeline/parse-pool.ts says why).
    parseWorkers: e.PARSE_WORKERS ?? (availableParallelism() > 1 ? 1 : 0),
  });
}
