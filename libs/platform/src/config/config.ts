import { resolve } from 'node:path';

/** Typed configuration, validated once at start-up; a bad value stops the process. */
export interface AppConfig {
  readonly port: number;
  /** HTTP port of the projector process (GET /health, GET /metrics). */
  readonly projectorPort: number;
  readonly dataDir: string;
  readonly eventStore: 'sqlite' | 'esdb';
  readonly readStore: 'sqlite' | 'mongo';
  readonly eventStoreUrl: string | null;
  readonly mongoUrl: string | null;
  readonly mongoDatabase: string;
  readonly bcryptCost: number;
  readonly sessionTtlMinutes: number;
  readonly loginMaxFailures: number;
  readonly loginFailureWindowSeconds: number;
  readonly readYourWritesTimeoutMs: number;
  readonly bodyLimitBytes: number;
  /** The projector seals the log every this many events, and at least every this many seconds. */
  readonly sealMaxEvents: number;
  readonly sealIntervalSeconds: number;
  /** Base64 secrets; required in the distributed profile, generated in DATA_DIR otherwise. */
  readonly pepper: string | null;
  readonly masterKey: string | null;
  readonly logLevel: 'debug' | 'log' | 'warn' | 'error';
  /** Browser origins allowed to call the API (CORS); none by default. */
  readonly corsOrigins: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readInt(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function readChoice<T extends string>(
  env: Env,
  name: string,
  choices: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${choices.join(', ')} (got "${raw}")`);
  return fallback;
}

function readSecret(env: Env, name: string, problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (Buffer.from(raw, 'base64').length !== 32) {
    problems.push(`${name} must be 32 bytes, base64-encoded`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const eventStore = readChoice(
    env,
    'EVENT_STORE',
    ['sqlite', 'esdb'] as const,
    'sqlite',
    problems,
  );
  const readStore = readChoice(env, 'READ_STORE', ['sqlite', 'mongo'] as const, 'sqlite', problems);
  const eventStoreUrl = env.EVENTSTORE_URL || null;
  const mongoUrl = env.MONGO_URL || null;
  if (eventStore === 'esdb' && !eventStoreUrl)
    problems.push('EVENT_STORE=esdb needs EVENTSTORE_URL');
  if (readStore === 'mongo' && !mongoUrl) problems.push('READ_STORE=mongo needs MONGO_URL');
  const pepper = readSecret(env, 'PEPPER', problems);
  const masterKey = readSecret(env, 'MASTER_KEY', problems);
  const embedded = eventStore === 'sqlite' && readStore === 'sqlite';
  if (!embedded && (!pepper || !masterKey)) {
    problems.push('the distributed profile needs PEPPER and MASTER_KEY (32 bytes each, base64)');
  }
  const config: AppConfig = {
    port: readInt(env, 'PORT', 3000, 0, 65535, problems),
    projectorPort: readInt(env, 'PROJECTOR_PORT', 3001, 0, 65535, problems),
    dataDir: resolve(env.DATA_DIR || './data'),
    eventStore,
    readStore,
    eventStoreUrl,
    mongoUrl,
    mongoDatabase: env.MONGO_DATABASE || 'account_keys',
    bcryptCost: readInt(env, 'BCRYPT_COST', 12, 4, 15, problems),
    sessionTtlMinutes: readInt(env, 'SESSION_TTL_MINUTES', 720, 1, 60 * 24 * 30, problems),
    loginMaxFailures: readInt(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000, problems),
    loginFailureWindowSeconds: readInt(
      env,
      'LOGIN_FAILURE_WINDOW_SECONDS',
      900,
      1,
      86400,
      problems,
    ),
    readYourWritesTimeoutMs: readInt(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 5000, 10, 60000, problems),
    bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 16 * 1024, 1024, 10 * 1024 * 1024, problems),
    sealMaxEvents: readInt(env, 'SEAL_MAX_EVENTS', 1000, 1, 100_000, problems),
    sealIntervalSeconds: readInt(env, 'SEAL_INTERVAL_SECONDS', 60, 1, 3600, problems),
    pepper,
    masterKey,
    logLevel: readChoice(
      env,
      'LOG_LEVEL',
      ['debug', 'log', 'warn', 'error'] as const,
      'log',
      problems,
    ),
    corsOrigins: readOrigins(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readOrigins(env: Env, problems: string[]): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(
        `CORS_ORIGINS entries must be origins like https://app.example.com (got "${origin}")`,
      );
    }
  }
  return origins;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
