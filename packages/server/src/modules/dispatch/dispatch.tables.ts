import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'
import type { TPlanState } from './dispatch.model.js'

/**
 * Daily dispatch plans (issue 20): one row per computed plan of a provider (or a street's
 * unified dispatch centre) and a service date. The model the solver saw, the solver's plan
 * and the greedy baseline are kept as JSON (`state`); every change bumps `version`.
 */
export const dispatchPlans = pgTable(
  'dispatch_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The provider planned for, or null for a street's unified dispatch centre. */
    providerId: uuid('provider_id'),
    /** The street planned for (unified dispatch), or null. */
    streetCode: varchar('street_code', { length: 12 }),
    /** Scope: the street, or the provider's registered region. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('computing'),
    version: integer('version').notNull().default(1),
    /** Solver progress for the screen: { percent, phase }. */
    progress: jsonb('progress').$type<{ percent: number; phase: string }>(),
    state: jsonb('state').$type<TPlanState>(),
    failure: text('failure'),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispatch_plans_region_idx').on(t.regionCode.op('text_pattern_ops')), index('dispatch_plans_day_idx').on(t.serviceDate, t.providerId)],
)

/** A proposed redistribution (a caregiver reported sick) waiting for the dispatcher's approval. */
export const dispatchDiffs = pgTable(
  'dispatch_diffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('proposed'),
    /** The plan version the diff was computed from: approving a stale diff is refused. */
    baseVersion: integer('base_version').notNull(),
    payload: jsonb('payload').notNull(),
    createdBy: text('created_by'),
    decidedBy: text('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('dispatch_diffs_plan_idx').on(t.planId)],
)

/** Notices to caregivers whose day changed (published plan, urgent insertion, redistribution). */
export const dispatchNotices = pgTable(
  'dispatch_notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caregiverId: uuid('caregiver_id').notNull(),
    planId: uuid('plan_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispatch_notices_caregiver_idx').on(t.caregiverId, t.createdAt)],
)
