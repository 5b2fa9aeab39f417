import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Local corrections to the working-day calendar: a day the holiday package does not know yet
 * (next year's 调休 before the package is updated) or a local day off. An override wins.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** 'holiday': no work that day; 'workday': a working day (a 调休 weekend). */
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
