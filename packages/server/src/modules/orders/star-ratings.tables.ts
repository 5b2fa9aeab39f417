import { index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import type { TStarIndicatorResult } from '@yiyang/core'

/** 等级评定: one computed rating per provider and month, with its explanation, reviewed by the bureau. */
export const providerStarRatings = pgTable(
  'provider_star_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** YYYY-MM. */
    month: varchar('month', { length: 7 }).notNull(),
    computedStars: smallint('computed_stars').notNull(),
    total: real('total').notNull(),
    indicators: jsonb('indicators').$type<TStarIndicatorResult[]>().notNull(),
    cap: text('cap'),
    status: text('status', { enum: ['proposed', 'confirmed', 'adjusted'] })
      .notNull()
      .default('proposed'),
    /** The stars in force after review (computed, or adjusted with a reason). */
    finalStars: smallint('final_stars'),
    reviewReason: text('review_reason'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('provider_star_ratings_uq').on(t.providerId, t.month), index('provider_star_ratings_region_idx').on(t.regionCode.op('text_pattern_ops'))],
)
