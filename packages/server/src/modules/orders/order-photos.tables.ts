import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/** Photos of the service record (the caregiver's phone page), in the file store; a resubmit with the same key is one photo. */
export const serviceOrderPhotos = pgTable(
  'service_order_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    fileKey: text('file_key').notNull(),
    fileType: text('file_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_order_photos_order_idx').on(t.orderId), uniqueIndex('service_order_photos_key_uq').on(t.orderId, t.idempotencyKey)],
)
