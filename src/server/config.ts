import path from 'node:path';
import { dialectOf, sqlitePathOf } from './db/connection.ts';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Everything the app reads from the environment, parsed once and passed down. */
/**
 * "full": the LMS (intranet). "verify": the public verification site, which serves only the
 * verification pages from imported bundles (TREMPLIN_MODE=verify, docs/certificates.md).
 */
export type AppMode = 'full' | 'verify';

export interface Config {
  mode: AppMode;
  port: number;
  databaseUrl: string;
  baseUrl: string;
  /**
   * The instance's identity in xAPI (actors' homePage, activity ids): BASE_URL until boot reads
   * the one stored at the first start (xapi/instance-iri.ts). Never use it for links.
   */
  instanceIri: string;
  /** Undefined: derived from the secret key (secrets/secret-key.ts), never kept in the database. */
  sessionSecret?: string;
  /** TREMPLIN_SECRET_KEY: the secret key itself (32 bytes, base64 or hex), instead of a file. */
  secretKey?: string;
  /** TREMPLIN_SECRET_KEY_FILE: where the secret key is kept (created 0600 if absent); next to the SQLite file by default. */
  secretKeyFile: string;
  logLevel: LogLevel;
  /** Express "trust proxy" value: false, true, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  production: boolean;
  learnerIdleMinutes: number;
  staffIdleMinutes: number;
  coursesDir: string;
  /** Where QR codes and printed links send employers; BASE_URL when unset (issuing is refused then). */
  verifyBaseUrl: string;
  /** False while VERIFY_BASE_URL is unset: certificates are not issued until it names the public site. */
  verifyBaseUrlSet: boolean;
  /** Largest request body the LMS pages accept (the LRS has its own, larger limit). */
  formBodyLimitBytes: number;
  lrsBodyLimitBytes: number;
  /** SPEECH_CACHE_DIR: read-aloud files synthesized by espeak-ng, named by hash; next to the SQLite file by default. */
  speechCacheDir: string;
  /** TLS_CERT_FILE and TLS_KEY_FILE (PEM): both set, the server answers https (the microphone needs a secure context). */
  tls?: { certFile: string; keyFile: string };
  /** VOICE_RETENTION_DAYS: learners' call recordings older than this are purged (90 by default). */
  voiceRetentionDays: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must start with http:// or https://, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function trustProxyOf(raw: string | undefined): Config['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^[\w.:/, -]+$/.test(raw)) return raw;
  throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or addresses, got "${raw}"`);
}

/** Pure: the same environment always gives the same config or the same error. */
export function parseConfig(env: Env): Config {
  const port = integer(env, 'PORT', 3000, 1, 65535);
  const databaseUrl = env.DATABASE_URL || 'sqlite:data/tremplin.db';
  try {
    dialectOf(databaseUrl);
  } catch {
    throw new ConfigError(`DATABASE_URL must be sqlite:<path> or postgres://..., got "${databaseUrl}"`);
  }
  if (databaseUrl === 'sqlite:') throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/tremplin.db');
  const baseUrl = httpUrl('BASE_URL', env.BASE_URL || `http://localhost:${port}`);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!['error', 'warn', 'info', 'debug'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of error, warn, info, debug, got "${env.LOG_LEVEL}"`);
  }
  const sessionSecret = env.SESSION_SECRET || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long (or unset, to have one generated)');
  }
  const sqliteFile = databaseUrl.startsWith('sqlite:') ? sqlitePathOf(databaseUrl) : '';
  const dataDir = sqliteFile !== '' && sqliteFile !== ':memory:' ? path.dirname(sqliteFile) : 'data';
  const mode = (env.TREMPLIN_MODE || 'full') as AppMode;
  if (mode !== 'full' && mode !== 'verify') throw new ConfigError(`TREMPLIN_MODE must be full or verify, got "${env.TREMPLIN_MODE}"`);
  const tlsCertFile = env.TLS_CERT_FILE || undefined;
  const tlsKeyFile = env.TLS_KEY_FILE || undefined;
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    throw new ConfigError(`TLS_CERT_FILE and TLS_KEY_FILE go together: ${tlsCertFile ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'} is missing`);
  }
  return {
    mode,
    port,
    databaseUrl,
    secretKey: env.TREMPLIN_SECRET_KEY || undefined,
    secretKeyFile: env.TREMPLIN_SECRET_KEY_FILE || path.join(dataDir, 'tremplin-secret.key'),
    baseUrl,
    instanceIri: baseUrl.replace(/\/+$/, ''),
    sessionSecret,
    logLevel,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    production: env.NODE_ENV === 'production',
    learnerIdleMinutes: integer(env, 'LEARNER_IDLE_MINUTES', 15, 1, 24 * 60),
    staffIdleMinutes: integer(env, 'STAFF_IDLE_MINUTES', 8 * 60, 1, 7 * 24 * 60),
    coursesDir: env.COURSES_DIR || 'courses',
    verifyBaseUrl: httpUrl('VERIFY_BASE_URL', env.VERIFY_BASE_URL || env.BASE_URL || `http://localhost:${port}`),
    verifyBaseUrlSet: Boolean(env.VERIFY_BASE_URL),
    formBodyLimitBytes: integer(env, 'FORM_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    lrsBodyLimitBytes: integer(env, 'LRS_BODY_LIMIT_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    speechCacheDir: env.SPEECH_CACHE_DIR || path.join(dataDir, 'speech-cache'),
    tls: tlsCertFile && tlsKeyFile ? { certFile: tlsCertFile, keyFile: tlsKeyFile } : undefined,
    voiceRetentionDays: integer(env, 'VOICE_RETENTION_DAYS', 90, 1, 3650),
  };
}
