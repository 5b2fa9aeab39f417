import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/**
 * The registry of service providers. Minimal for now (issue 16: provider accounts must name a
 * provider that exists); the providers issue adds caregivers, qualifications and ratings.
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Where the provider is registered; the bureau whose scope covers it manages its accounts. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: ['active', 'suspended', 'closed'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('providers_region_idx').on(t.regionCode.op('text_pattern_ops'))],
)
