import { boolean, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core'

export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'prefecture', 'county', 'township', 'village'] }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    /** Digits a scope at this level keeps: 2/4/6/9/12. Stored so no query strips zeros. */
    prefix: varchar('prefix', { length: 12 }).notNull(),
    kind: text('kind'),
    /** True when the code is invented for the demo (not verified against the NBS list). */
    isDemoCode: boolean('is_demo_code').notNull().default(false),
    editionYear: integer('edition_year'),
    isActive: boolean('is_active').notNull().default(true),
    successorCode: varchar('successor_code', { length: 12 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
)
