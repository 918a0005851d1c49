// Configuration, read once from the environment and validated at boot.
// Every variable is listed with its meaning in .env.example.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database and the local secret key. */
  dataDir: string;
  /** A PostgreSQL server; when set, PGlite is not used. */
  databaseUrl: string | undefined;
  /** Connections in the PostgreSQL pool of this process. */
  poolSize: number;
  /** Server processes sharing the port (one per core); more than 1 needs PostgreSQL. */
  workers: number;
  /** Base64 of 32 bytes; protects phone and ID numbers. Generated into dataDir when unset. */
  piiKey: string | undefined;
  adminPhone: string | undefined;
  adminPassword: string | undefined;
  /** Seed the demo county (teams, volunteers, points) on first start. */
  seedDemo: boolean;
  logLevel: string;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** On SIGTERM, how long requests in flight may take before their connections are closed. */
  drainSeconds: number;
  /** Set the Secure attribute on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  webDist: string;
  /** Trust X-Forwarded-* from a reverse proxy (nginx) in front. */
  trustProxy: boolean;
  /** Service hours for 1 to 5 stars (DOMAIN.md default 100/300/600/1000/1500). */
  starHours: number[];
  /** Local cap (DOMAIN.md, service hours): minutes one attendance may count; 0 = none. */
  maxMinutesPerActivity: number;
  /** Local cap: check-ins by phone one volunteer may make in a day (Asia/Shanghai); 0 = none. */
  maxCheckInsPerDay: number;
  /** Where uploaded files' bytes live: 'database' or 'filesystem' (under dataDir/files). */
  fileStorage: 'database' | 'filesystem';
  /** Which SMS driver sends text messages: 'log' only writes them to the log, 'http' posts them to smsUrl. */
  smsDriver: 'log' | 'http';
  /** The 'http' driver's endpoint: it receives POST {"phone", "text"} as JSON; any 2xx answer means sent. */
  smsUrl: string | undefined;
  /** Sent to smsUrl as `Authorization: Bearer <token>` when set. */
  smsToken: string | undefined;
  /** Public base URL printed on certificates' QR codes, e.g. https://lianxin.example.cn */
  publicUrl: string | undefined;
}

export class ConfigError extends Error {}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function starHours(raw: string | undefined): number[] {
  if (!raw) return [100, 300, 600, 1000, 1500];
  const hours = raw.split(',').map(Number);
  const ascending = hours.every((value, i) => Number.isFinite(value) && value > 0 && (i === 0 || value > hours[i - 1]!));
  if (hours.length !== 5 || !ascending) throw new ConfigError(`LIANXIN_STAR_HOURS must be five ascending hour counts, got "${raw}"`);
  return hours;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const piiKey = env.LIANXIN_PII_KEY || undefined;
  if (piiKey && Buffer.from(piiKey, 'base64').length !== 32) {
    throw new ConfigError('LIANXIN_PII_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)');
  }
  const smsDriver = oneOf(env, 'LIANXIN_SMS_DRIVER', ['log', 'http'], 'log');
  const smsUrl = env.LIANXIN_SMS_URL || undefined;
  if (smsDriver === 'http' && !/^https?:\/\//.test(smsUrl ?? '')) {
    throw new ConfigError('LIANXIN_SMS_DRIVER=http needs LIANXIN_SMS_URL, starting with http:// or https://');
  }
  const workers = Math.max(1, intVar(env, 'LIANXIN_WORKERS', 1));
  if (workers > 1 && !databaseUrl) {
    throw new ConfigError('LIANXIN_WORKERS above 1 needs DATABASE_URL: the embedded PGlite lives inside one process');
  }
  const port = intVar(env, 'PORT', 3000);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got ${port}`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.LIANXIN_DATA_DIR || 'data'),
    databaseUrl,
    piiKey,
    poolSize: Math.max(1, intVar(env, 'DATABASE_POOL_SIZE', 10)),
    workers,
    adminPhone: env.LIANXIN_ADMIN_PHONE || undefined,
    adminPassword: env.LIANXIN_ADMIN_PASSWORD || undefined,
    seedDemo: boolVar(env, 'LIANXIN_SEED_DEMO', true),
    logLevel: env.LOG_LEVEL || 'info',
    sessionHours: intVar(env, 'LIANXIN_SESSION_HOURS', 12),
    drainSeconds: intVar(env, 'LIANXIN_DRAIN_SECONDS', 20),
    secureCookies: boolVar(env, 'LIANXIN_SECURE_COOKIES', false),
    webDist: path.resolve(env.LIANXIN_WEB_DIST || 'web/dist'),
    trustProxy: boolVar(env, 'TRUST_PROXY', false),
    starHours: starHours(env.LIANXIN_STAR_HOURS),
    maxMinutesPerActivity: intVar(env, 'LIANXIN_MAX_HOURS_PER_ACTIVITY', 0) * 60,
    maxCheckInsPerDay: intVar(env, 'LIANXIN_MAX_CHECKINS_PER_DAY', 0),
    smsDriver,
    smsUrl,
    smsToken: env.LIANXIN_SMS_TOKEN || undefined,
    fileStorage: oneOf(env, 'LIANXIN_FILE_STORAGE', ['database', 'filesystem'], 'database'),
    publicUrl: env.LIANXIN_PUBLIC_URL?.replace(/\/$/, '') || undefined,
  };
}
