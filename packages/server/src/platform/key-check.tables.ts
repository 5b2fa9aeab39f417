import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row: a MAC, under SECRET_KEY, of a fixed text. A server started with another key (a new
 * DATA_DIR beside an old PostgreSQL database, a mistyped SECRET_KEY) finds a different MAC and
 * refuses to start, instead of failing on every masked field and writing new rows under a key
 * the old rows do not share.
 */
export const keyCheck = pgTable('key_check', {
  id: integer('id').primaryKey(),
  mac: text('mac').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
