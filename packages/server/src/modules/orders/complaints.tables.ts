import { bigint, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/** 投诉: against one service order, decided by the bureau within a deadline in working days. */
export const orderComplaints = pgTable(
  'order_complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    orderNo: text('order_no').notNull(),
    providerId: uuid('provider_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    /** The order's (the elder's community) region: staff see the complaints of their scope. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    source: text('source', { enum: ['family', 'hotline', 'bureau'] }).notNull(),
    content: text('content').notNull(),
    status: text('status', { enum: ['lodged', 'investigating', 'upheld', 'dismissed'] })
      .notNull()
      .default('lodged'),
    lodgedOn: date('lodged_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    lodgedBy: text('lodged_by'),
    finding: text('finding'),
    points: smallint('points'),
    creditRecordId: bigint('credit_record_id', { mode: 'number' }),
    handledBy: text('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_complaints_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('order_complaints_provider_idx').on(t.providerId),
    index('order_complaints_order_idx').on(t.orderId),
    index('order_complaints_due_idx').on(t.status, t.dueOn),
    uniqueIndex('order_complaints_credit_uq').on(t.creditRecordId),
  ],
)
