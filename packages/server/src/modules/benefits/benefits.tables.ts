import { sql } from 'drizzle-orm'
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import type { TClause, TProgramme } from '@yiyang/core'

/**
 * Benefit programmes as data (issue 17 item 2): the TProgramme JSON, validated by core's
 * validateProgramme on every write. `region_code` is the installation's district: edits are
 * audited there.
 */
export const benefitProgrammes = pgTable(
  'benefit_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    definition: jsonb('definition').$type<TProgramme>().notNull(),
    /** Order on screens and for 择高申领 ties (a tie goes to the one listed first). */
    position: integer('position').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('benefit_programmes_code_uq').on(t.code)],
)

export type TVerification = { userId: string; name: string; note: string; at: string; fileIds: string[] }

/**
 * Applications (issue 17 item 3). `region_code` is the elder's community (domain.md §2: the
 * 户籍 community; the registry keeps one community per elder). `step_due` is the working-day
 * deadline of the step the case waits for.
 */
export const benefitApplications = pgTable(
  'benefit_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    programmeCode: text('programme_code').notNull(),
    status: text('status').notNull().default('draft'),
    /** Masked name (张*明), for lists and the public 公示. */
    elderNameMasked: text('elder_name_masked').notNull(),
    /** Monthly amount and the clauses as last evaluated (filing, street review, approval). */
    amountFen: integer('amount_fen'),
    clauses: jsonb('clauses').$type<TClause[]>(),
    note: text('note'),
    stepSince: date('step_since', { mode: 'string' }),
    stepDue: date('step_due', { mode: 'string' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    acceptedBy: uuid('accepted_by'),
    verifications: jsonb('verifications')
      .$type<TVerification[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    assessmentId: uuid('assessment_id'),
    /** Set when the requested assessment took effect (it may finish before home verification). */
    assessmentLevel: integer('assessment_level'),
    assessedOn: date('assessed_on', { mode: 'string' }),
    streetReviewNote: text('street_review_note'),
    streetReviewedBy: uuid('street_reviewed_by'),
    noticeStart: date('notice_start', { mode: 'string' }),
    noticeEnd: date('notice_end', { mode: 'string' }),
    noticeRound: integer('notice_round').notNull().default(0),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    benefitId: uuid('benefit_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('benefit_applications_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('benefit_applications_elder_idx').on(t.elderId),
    index('benefit_applications_due_idx').on(t.stepDue),
    uniqueIndex('benefit_applications_open_uq')
      .on(t.elderId, t.programmeCode)
      .where(sql`status not in ('active', 'stopped', 'rejected')`),
  ],
)

/** Objections to a 公示 (issue 17 item 4). One per contact per case (the abuse guard). */
export const benefitObjections = pgTable(
  'benefit_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    name: text('name').notNull(),
    /** Keyed hash of the normalised contact: the one-per-contact guard without keeping it in clear. */
    contactHash: text('contact_hash').notNull(),
    contactEnc: text('contact_enc').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    status: text('status').notNull().default('open'),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('benefit_objections_contact_uq').on(t.applicationId, t.contactHash),
    index('benefit_objections_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
  ],
)

/** Photos of home verification, stored under DATA_DIR/benefit-files, served in scope only. */
export const benefitFiles = pgTable(
  'benefit_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benefit_files_application_idx').on(t.applicationId)],
)

/**
 * Benefits in payment (issue 17 item 6): from the month after approval; `stop_month` is the
 * first month not paid. Months are "YYYY-MM" in Asia/Shanghai.
 */
export const benefits = pgTable(
  'benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    programmeCode: text('programme_code').notNull(),
    applicationId: uuid('application_id').notNull(),
    amountFen: integer('amount_fen').notNull(),
    fromMonth: varchar('from_month', { length: 7 }).notNull(),
    stopMonth: varchar('stop_month', { length: 7 }),
    stopReason: text('stop_reason'),
    /** Why it stopped: 'elder_left' (death or moving out — undone if the elder is reactivated), or null (review, exclusivity). */
    stopCause: text('stop_cause'),
    status: text('status').notNull().default('active'),
    nextReviewMonth: varchar('next_review_month', { length: 7 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('benefits_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('benefits_elder_idx').on(t.elderId),
    uniqueIndex('benefits_active_uq')
      .on(t.elderId, t.programmeCode)
      .where(sql`status = 'active'`),
    check('benefits_amount_ck', sql`${t.amountFen} >= 0`),
  ],
)

/** Every change of a benefit with its reason: the elder page's 待遇 tab. */
export const benefitHistory = pgTable(
  'benefit_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    benefitId: uuid('benefit_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    programmeCode: text('programme_code').notNull(),
    kind: text('kind').notNull(),
    fromAmountFen: integer('from_amount_fen'),
    toAmountFen: integer('to_amount_fen'),
    effectiveMonth: varchar('effective_month', { length: 7 }).notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('benefit_history_elder_idx').on(t.elderId, t.at),
    // The monthly job writes at most one change of a kind per benefit and month (idempotent reruns).
    uniqueIndex('benefit_history_once_uq').on(t.benefitId, t.kind, t.effectiveMonth),
  ],
)

/**
 * Proactive discovery (issue 17 item 5): elders eligible for a programme with no application or
 * benefit ('eligible'), and active benefits whose elder no longer qualifies ('ineligible').
 * Recomputed per elder by events and in full by a job.
 */
export const benefitCandidates = pgTable(
  'benefit_candidates',
  {
    elderId: uuid('elder_id').notNull(),
    programmeCode: text('programme_code').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: ['eligible', 'ineligible'] }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.elderId, t.programmeCode] }),
    index('benefit_candidates_region_idx').on(t.programmeCode, t.kind, t.regionCode.op('text_pattern_ops')),
  ],
)
