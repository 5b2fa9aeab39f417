import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/** Snapshot of the elder when the assessment was scheduled (Annex A.2 basic information, masked). */
export type TElderSnapshot = {
  name: string
  sex: 'male' | 'female'
  birthDate: string
  idNumberMasked: string
  regionName: string | null
}

/** One assessor: at least one must be a platform user with the assessor role and a certificate number. */
export type TAssessorRef = { userId: string | null; name: string; certificateNo: string | null }

export type TSignature = { name: string; relation?: string | null; confirmedAt: string }
export type TSignatures = { assessor1?: TSignature | null; assessor2?: TSignature | null; informant?: TSignature | null }

/**
 * Ability assessments (GB/T 42195-2022 or MZ/T 039-2013). Health data — item answers and the
 * Annex A information (diagnoses, risk events, coma) — is kept encrypted in `answers_enc`;
 * only the computed result (scores and levels) is clear, for lists, schedules and statistics.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id').notNull(),
    /** Copied from the elder at scheduling time: scope and statistics run on it. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    elderSnapshot: jsonb('elder_snapshot').$type<TElderSnapshot>().notNull(),
    scale: text('scale').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('scheduled'),
    scheduledDate: date('scheduled_date', { mode: 'string' }).notNull(),
    /** Primary assessor (a user with the assessor role); workload runs on it. */
    assessorId: uuid('assessor_id').notNull(),
    assessors: jsonb('assessors').$type<TAssessorRef[]>().notNull(),
    place: text('place'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    /** AES-256-GCM JSON { items, info } — health data. */
    answersEnc: text('answers_enc'),
    answeredCount: smallint('answered_count').notNull().default(0),
    dimensions: jsonb('dimensions').$type<Record<string, number>>(),
    total: smallint('total'),
    initialLevel: smallint('initial_level'),
    finalLevel: smallint('final_level'),
    reasons: jsonb('reasons').$type<string[]>(),
    signatures: jsonb('signatures')
      .$type<TSignatures>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    note: text('note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewerName: text('reviewer_name'),
    reviewNote: text('review_note'),
    returnReason: text('return_reason'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    objectionDeadline: date('objection_deadline', { mode: 'string' }),
    objection: jsonb('objection').$type<{ by: string; relation: string | null; reason: string; at: string; reviewAssessmentId: string }>(),
    /** The result this dispute_review re-assesses. */
    disputedId: uuid('disputed_id'),
    /** The in-force result this one replaced when it took effect. */
    supersedesId: uuid('supersedes_id'),
    supersededById: uuid('superseded_by_id'),
    cancelReason: text('cancel_reason'),
    /** Set when the elder died or moved out (elders module events): the result leaves the reassessment list. */
    elderInactiveSince: date('elder_inactive_since', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('assessments_elder_idx').on(t.elderId, t.createdAt),
    index('assessments_assessor_idx').on(t.assessorId, t.status),
    index('assessments_status_idx').on(t.status, t.scheduledDate),
    // One result in force per elder: a newer one supersedes the old in the same transaction.
    uniqueIndex('assessments_in_force_uq')
      .on(t.elderId)
      .where(sql`status in ('effective', 'disputed')`),
    check('assessments_scale_ck', sql`${t.scale} in ('gbt42195_2022', 'mzt039_2013')`),
    check('assessments_reason_ck', sql`${t.reason} in ('initial', 'routine', 'triggered', 'dispute_review', 'other')`),
    check('assessments_level_ck', sql`${t.finalLevel} is null or ${t.finalLevel} between 0 and 4`),
  ],
)

/** Per-scale settings: reassessment interval, due-soon window, objection window. */
export const assessmentSettings = pgTable('assessment_settings', {
  scale: text('scale').primaryKey(),
  intervalMonths: smallint('interval_months').notNull().default(12),
  dueSoonDays: smallint('due_soon_days').notNull().default(30),
  objectionDays: smallint('objection_days').notNull().default(15),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * "Condition changed" reports (a fall, a stroke, a hospital stay): the elder is due for a
 * triggered reassessment at once, until an assessment scheduled after the report takes effect.
 */
export const assessmentTriggers = pgTable(
  'assessment_triggers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    elderName: text('elder_name').notNull(),
    source: text('source').notNull().default('manual'),
    note: text('note').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reportedBy: uuid('reported_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByAssessmentId: uuid('resolved_by_assessment_id'),
  },
  (t) => [index('assessment_triggers_region_idx').on(t.regionCode.op('text_pattern_ops'), t.resolvedAt), index('assessment_triggers_elder_idx').on(t.elderId)],
)
