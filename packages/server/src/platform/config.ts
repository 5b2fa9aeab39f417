import { z } from 'zod'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const boolFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes')

export const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolFromEnv.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  SEED_DEMO: boolFromEnv.default(true),
  WEB_DIST: z.string().optional(),
  /** Map tiles for the dispatch map (issue 20): an XYZ URL with {z}/{x}/{y} (and {s}); none: outlines only, offline. */
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s]*\{z\}[^\s]*$/, 'must be an https URL with {z}, {x} and {y}')
    .optional(),
  /** A label layer drawn over the tiles (天地图 cva_w), same form. */
  MAP_LABEL_URL: z
    .string()
    .regex(/^https:\/\/[^\s]*\{z\}[^\s]*$/, 'must be an https URL with {z}, {x} and {y}')
    .optional(),
  MAP_TILE_SUBDOMAINS: z.string().max(20).default(''),
  MAP_TILE_ATTRIBUTION: z.string().max(200).default(''),
  /** true when the tile source is in GCJ-02 (高德, 腾讯): points are shifted for display only. */
  MAP_TILE_GCJ02: boolFromEnv.default(false),
  /** An external MQTT broker (Mosquitto, EMQX); without it an embedded broker listens on MQTT_PORT. */
  MQTT_URL: z
    .string()
    .regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://')
    .optional(),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1884),
  /** false: no MQTT at all (tests that do not need it; the webhook still works). */
  MQTT_ENABLED: boolFromEnv.default(true),
  /** The server's MQTT client id: a persistent session, so QoS 1 messages sent while it was down are delivered after a restart. */
  MQTT_CLIENT_ID: z.string().min(1).max(60).default('yiyang-server'),
  /** Connections sharing the device subscription ($share), whose messages are written in common batches. */
  MQTT_SUBSCRIBERS: z.coerce.number().int().min(1).max(64).default(16),
  ALARM_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  ALARM_SLA_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  DEVICE_OFFLINE_MINUTES: z.coerce.number().int().min(1).max(10080).default(30),
  /** HMAC secret of the switchboard (Asterisk/FreeSWITCH) posting incoming 12349 calls. */
  HOTLINE_SECRET: z.string().min(16).optional(),
  /** The region of a 12349 call whose caller no elder's phone matches (the hotline centre's district). */
  HOTLINE_REGION_CODE: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit region code')
    .default('620702000000'),
  /** An HTTP SMS gateway for family notices; without it notices are only logged. */
  SMS_GATEWAY_URL: z.url().optional(),
  /** An OSRM server for travel times (its /table service); without it: great circle × detour factor. */
  ROUTING_URL: z.url().optional(),
  /** The OSRM profile in the URL (car, bike, foot). */
  ROUTING_PROFILE: z
    .string()
    .regex(/^[a-z_-]{1,30}$/, 'must be an OSRM profile name')
    .default('bike'),
  /** An S3-compatible bucket for uploads (s3://key:secret@host:port/bucket?region=…); without it files go under DATA_DIR. */
  FILE_STORE_URL: z
    .string()
    .regex(/^s3(\+http)?:\/\/[^:@/]+:[^@/]+@[^/]+\/[^/?]+/, 'must look like s3://key:secret@host:port/bucket?region=…')
    .optional(),
})

export type TConfig = {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  secretKey: string
  isProduction: boolean
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL']
  trustProxy: boolean
  sessionTtlMs: number
  seedDemo: boolean
  webDist?: string
  map?: { tileUrl?: string; labelUrl?: string; subdomains: string; attribution: string; gcj02: boolean }
  version: string
  mqtt: { url?: string; port: number; enabled: boolean; clientId: string; subscribers: number }
  alarms: {
    claimWithinMs: number
    closeWithinMs: number
    offlineAfterMs: number
    hotlineSecret: string
    smsGatewayUrl?: string
    hotlineRegionCode: string
  }
  routing: { url?: string; profile: string }
  fileStoreUrl?: string
}

/** The demo switchboard secret; refused in production like the demo passwords. */
export const DEMO_HOTLINE_SECRET = 'yiyang-demo-hotline'

export class ConfigError extends Error {}

/** Parses the environment. A bad value throws ConfigError with one line naming the key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.1.0'): TConfig {
  const parsed = ZEnv.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`配置错误 ${String(issue.path.join('.'))}: ${issue.message}`)
  }
  const e = parsed.data
  const dataDir = resolve(e.DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secretKey: e.SECRET_KEY ?? loadOrCreateSecret(dataDir),
    isProduction: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    seedDemo: e.SEED_DEMO,
    webDist: e.WEB_DIST,
    map: {
      tileUrl: e.MAP_TILE_URL,
      labelUrl: e.MAP_LABEL_URL,
      subdomains: e.MAP_TILE_SUBDOMAINS,
      attribution: e.MAP_TILE_ATTRIBUTION,
      gcj02: e.MAP_TILE_GCJ02,
    },
    version,
    mqtt: { url: e.MQTT_URL, port: e.MQTT_PORT, enabled: e.MQTT_ENABLED, clientId: e.MQTT_CLIENT_ID, subscribers: e.MQTT_SUBSCRIBERS },
    alarms: {
      claimWithinMs: e.ALARM_CLAIM_SECONDS * 1000,
      closeWithinMs: e.ALARM_SLA_MINUTES * 60_000,
      offlineAfterMs: e.DEVICE_OFFLINE_MINUTES * 60_000,
      hotlineSecret: e.HOTLINE_SECRET ?? DEMO_HOTLINE_SECRET,
      smsGatewayUrl: e.SMS_GATEWAY_URL,
      hotlineRegionCode: e.HOTLINE_REGION_CODE,
    },
    routing: { url: e.ROUTING_URL, profile: e.ROUTING_PROFILE },
    fileStoreUrl: e.FILE_STORE_URL,
  }
}

/** The key is created once and kept beside the data: losing it makes encrypted PII unreadable. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const key = randomBytes(32).toString('base64url')
  writeFileSync(file, key + '\n', { mode: 0o600 })
  return key
}
