import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/** The plan rules as data (core worklist rule language, plus `rural`); defaults from the seeds. */
export const visitPlanRules = pgTable('visit_plan_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  rule: jsonb('rule').notNull(),
  frequency: text('frequency', { enum: ['weekly', 'monthly'] }).notNull(),
  allowPhone: boolean('allow_phone').notNull().default(false),
  priority: integer('priority').notNull().default(100),
  isActive: boolean('is_active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** One care-visit plan per elder (at most one active). */
export const visitPlans = pgTable(
  'visit_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id').notNull(),
    /** The elder's community of residence, kept in step with the registry. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    elderName: text('elder_name').notNull(),
    ruleId: text('rule_id').notNull(),
    reason: text('reason').notNull().default(''),
    frequency: text('frequency', { enum: ['weekly', 'monthly'] }).notNull(),
    allowPhone: boolean('allow_phone').notNull().default(false),
    status: text('status', { enum: ['active', 'ended'] })
      .notNull()
      .default('active'),
    visitorId: text('visitor_id'),
    visitorName: text('visitor_name'),
    backupId: text('backup_id'),
    backupName: text('backup_name'),
    /** Periods missed in a row; at 2 the elder is on the street's red list. */
    missedInRow: smallint('missed_in_row').notNull().default(0),
    redListed: boolean('red_listed').notNull().default(false),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    endedReason: text('ended_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visit_plans_elder_uq').on(t.elderId),
    index('visit_plans_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status, t.frequency),
    index('visit_plans_visitor_idx').on(t.visitorId),
    index('visit_plans_backup_idx').on(t.backupId),
  ],
)

/** A plan's week or month: open → visited, or missed → escalated (core visitPeriodFlow). */
export const visitPeriods = pgTable(
  'visit_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    periodKey: varchar('period_key', { length: 8 }).notNull(),
    frequency: text('frequency', { enum: ['weekly', 'monthly'] }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'visited', 'missed', 'escalated_community', 'escalated_street'] })
      .notNull()
      .default('open'),
    visitId: uuid('visit_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visit_periods_plan_key_uq').on(t.planId, t.periodKey),
    index('visit_periods_region_idx').on(t.regionCode.op('text_pattern_ops'), t.periodKey, t.status),
  ],
)

/** Findings per checklist item: 'ok' | 'concern'. */
export type TVisitChecklist = Record<string, 'ok' | 'concern'>

/**
 * One visit. Problems and actions may describe health, so they are encrypted; the checklist
 * keeps only ok/concern per item, clear, for the ledger.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    visitorId: text('visitor_id').notNull(),
    visitorName: text('visitor_name').notNull(),
    mode: text('mode', { enum: ['home', 'phone'] }).notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    /** The period the visit counted for (null: a phone call the rule does not count). */
    periodKey: varchar('period_key', { length: 8 }),
    counted: boolean('counted').notNull().default(true),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    checklist: jsonb('checklist').$type<TVisitChecklist>().notNull(),
    problemsEnc: text('problems_enc'),
    actionsEnc: text('actions_enc'),
    /** An incapacitated elder found without care (S002): the supporter is ordered to care. */
    noCareFound: boolean('no_care_found').notNull().default(false),
    confirmedBy: text('confirmed_by', { enum: ['elder', 'family', 'none'] })
      .notNull()
      .default('none'),
    confirmerName: text('confirmer_name'),
    photoFile: text('photo_file'),
    photoType: text('photo_type'),
    photoBytes: integer('photo_bytes'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visits_idem_uq').on(t.visitorId, t.idempotencyKey),
    index('visits_region_idx').on(t.regionCode.op('text_pattern_ops'), t.visitedAt),
    index('visits_elder_idx').on(t.elderId, t.visitedAt),
  ],
)

/** A problem found on a visit, as a task with an owner and a deadline (issue 22 item 4). */
export const visitTasks = pgTable(
  'visit_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: ['service_order', 'benefit_application', 'reassessment', 'supporter_notice', 'alarm'] }).notNull(),
    ownerId: text('owner_id'),
    ownerName: text('owner_name'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    note: text('note').notNull().default(''),
    resultNote: text('result_note'),
    /** What the task became in the module that does it (issue 22 item 4): its kind and id; the task's status follows it. */
    linkType: text('link_type', { enum: ['order', 'benefit_application', 'assessment_trigger', 'alarm', 'supporter_notice'] }),
    linkId: text('link_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visit_tasks_link_idx').on(t.linkType, t.linkId),
    index('visit_tasks_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status, t.dueDate),
    index('visit_tasks_visit_idx').on(t.visitId),
  ],
)
