import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/** Screening rules as data (core worklist rule language), edited by a bureau admin. */
export const worklistRules = pgTable('worklist_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  rule: jsonb('rule').notNull(),
  reappearAfterDays: integer('reappear_after_days').notNull().default(30),
  isActive: boolean('is_active').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** One elder matching one rule. open → assigned → handled; handled reappears after the rule's delay. */
export const worklistItems = pgTable(
  'worklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: text('rule_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: ['open', 'assigned', 'handled', 'resolved'] })
      .notNull()
      .default('open'),
    explanation: text('explanation').notNull().default(''),
    assignedTo: text('assigned_to'),
    assignedToName: text('assigned_to_name'),
    handledNote: text('handled_note'),
    handledBy: text('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    reappearOn: date('reappear_on', { mode: 'string' }),
    timesReopened: integer('times_reopened').notNull().default(0),
    version: integer('version').notNull().default(1),
    lastMatchedAt: timestamp('last_matched_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('worklist_items_rule_elder_uq').on(t.ruleId, t.elderId),
    index('worklist_items_region_idx').on(t.regionCode.op('text_pattern_ops'), t.ruleId, t.status),
  ],
)
