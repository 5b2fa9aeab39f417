import { index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/**
 * 资质文件: licences and qualification documents a provider uploads (issue 19 item 1), and the
 * optional scans of its caregivers' certificates. The bytes are in the file store under
 * `fileKey`; the row carries the provider's region so the bureau's scope reaches it.
 */
export const providerDocuments = pgTable(
  'provider_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: ['business_licence', 'practice_licence', 'qualification', 'certificate_scan', 'other'] }).notNull(),
    title: text('title').notNull(),
    /** Set for a certificate scan. */
    certificateId: uuid('certificate_id'),
    fileKey: text('file_key').notNull(),
    fileType: text('file_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provider_documents_provider_idx').on(t.providerId), index('provider_documents_region_idx').on(t.regionCode.op('text_pattern_ops'))],
)
