import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    scopeRegionCode: varchar('scope_region_code', { length: 12 }).notNull(),
    scopePrefix: varchar('scope_prefix', { length: 12 }).notNull(),
    providerId: uuid('provider_id'),
    passwordHash: text('password_hash').notNull(),
    /** Set for seeded demo accounts until their password is changed; production refuses to start while any is set. */
    isDemoPassword: boolean('is_demo_password').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    phoneEnc: text('phone_enc'),
    phoneLast4: varchar('phone_last4', { length: 4 }),
    phonePrefix3: varchar('phone_prefix3', { length: 3 }),
    isActive: boolean('is_active').notNull().default(true),
    elderMode: boolean('elder_mode').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), index('users_scope_idx').on(t.scopePrefix)],
)

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a database leak does not hand out live sessions. */
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  prefix: varchar('prefix', { length: 16 }).notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Every token ends; tokens issued before expiry existed got created_at + 90 days (migration 0006). */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** 'read' tokens may only read; 'read_write' may also write. */
  scope: text('scope', { enum: ['read', 'read_write'] })
    .notNull()
    .default('read'),
})

/**
 * Failed logins for names that match no active account, keyed by a keyed hash of the
 * lower-cased name (a password typed into the name field never lands here in clear). Unknown
 * names lock exactly like known ones, so a 423 does not tell that an account exists.
 */
export const loginThrottle = pgTable('login_throttle', {
  nameHash: varchar('name_hash', { length: 64 }).primaryKey(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
