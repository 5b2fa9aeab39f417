import { catalogChangeKinds, catalogEditionStatuses, servicePayers, serviceCategories, serviceUnits } from '@yiyang/core'
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/** One edition of a region's service list (服务清单). Published editions never change. */
export const catalogEditions = pgTable(
  'catalog_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing region (county, city, province or street). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    /** 2026年版, 2026年第2版 … unique per region. */
    versionLabel: text('version_label').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: catalogEditionStatuses }).notNull().default('draft'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    basedOnId: uuid('based_on_id'),
    note: text('note').notNull().default(''),
    itemCount: integer('item_count').notNull().default(0),
    createdBy: text('created_by'),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_editions_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status, t.effectiveDate),
    uniqueIndex('catalog_editions_label_uq').on(t.regionCode, t.versionLabel),
  ],
)

/**
 * An item of an edition. `change` says how it differs from the edition it was copied from; a
 * removed item stays as a tombstone (change 'removed') so the new edition keeps the reason.
 */
export const catalogItems = pgTable(
  'catalog_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => catalogEditions.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    name: text('name').notNull(),
    category: text('category', { enum: serviceCategories }).notNull(),
    content: text('content').notNull().default(''),
    standard: text('standard').notNull().default(''),
    unit: text('unit', { enum: serviceUnits }).notNull(),
    priceFen: integer('price_fen').notNull(),
    /** { categories: elder category codes (any of), rule: core rule or null }. */
    target: jsonb('target').notNull(),
    payer: text('payer', { enum: servicePayers }).notNull(),
    legalBasis: text('legal_basis').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    change: text('change', { enum: catalogChangeKinds }).notNull().default('unchanged'),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_items_edition_code_uq').on(t.editionId, t.code), index('catalog_items_code_idx').on(t.code)],
)
