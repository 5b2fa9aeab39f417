import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

export type TProviderServiceItem = { itemCode: string; itemName: string; priceFen: number; standardPriceFen: number; reason: string | null }

/**
 * The registry of service providers (issue 19 item 1): registration with the USCC, legal
 * representative, service area and service items, reviewed by the bureau before it serves.
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Where the provider is registered; the bureau whose scope covers it manages it. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: ['pending', 'returned', 'rejected', 'active', 'suspended', 'closed'] })
      .notNull()
      .default('active'),
    uscc: varchar('uscc', { length: 18 }),
    legalRepresentative: text('legal_representative'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    /** Region codes (any level) the provider serves. */
    serviceArea: text('service_area').array().notNull().default([]),
    /** The service area as level prefixes (domain.md §2: by level length, never by stripping zeros), for scope tests. */
    serviceAreaPrefixes: text('service_area_prefixes').array().notNull().default([]),
    serviceItems: jsonb('service_items').$type<TProviderServiceItem[]>().notNull().default([]),
    /** Canteen (助餐点 / 敬老餐厅) sites are providers with kind canteen. */
    kind: text('kind', { enum: ['home_care', 'canteen'] })
      .notNull()
      .default('home_care'),
    /** A canteen supplied by a central kitchen (中央厨房统一配送, S002): the kitchen's provider id. */
    suppliedBy: uuid('supplied_by'),
    reviewReason: text('review_reason'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Star rating 1–5 from the last reviewed monthly rating (等级评定). */
    starRating: smallint('star_rating'),
    /** The service site (office, canteen, day-care centre), WGS-84: dispatch and the 15-minute circle (issue 20). */
    siteLat: doublePrecision('site_lat'),
    siteLng: doublePrecision('site_lng'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('providers_region_idx').on(t.regionCode.op('text_pattern_ops')), uniqueIndex('providers_uscc_uq').on(t.uscc)],
)

/** Caregivers (养老护理员) of a provider; identity encrypted as the elder registry does. */
export const caregivers = pgTable(
  'caregivers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    /** The provider's region, so the bureau's scope reaches its caregivers. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The caregiver's login, when they have one (their phone page). */
    userId: uuid('user_id'),
    name: text('name').notNull(),
    idHash: text('id_hash').notNull(),
    idEnc: text('id_enc').notNull(),
    idMasked: text('id_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    skills: text('skills').array().notNull().default([]),
    trainingHours: integer('training_hours').notNull().default(0),
    backgroundCheck: text('background_check', { enum: ['pending', 'passed', 'failed'] })
      .notNull()
      .default('pending'),
    backgroundCheckDate: date('background_check_date', { mode: 'string' }),
    shift: text('shift'),
    homeLat: doublePrecision('home_lat'),
    homeLng: doublePrecision('home_lng'),
    status: text('status', { enum: ['active', 'left'] })
      .notNull()
      .default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('caregivers_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('caregivers_provider_idx').on(t.providerId),
    uniqueIndex('caregivers_provider_id_uq').on(t.providerId, t.idHash),
    uniqueIndex('caregivers_user_uq').on(t.userId),
  ],
)

export const caregiverCertificates = pgTable(
  'caregiver_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caregiverId: uuid('caregiver_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    number: text('number').notNull(),
    level: text('level').notNull(),
    skill: text('skill').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('caregiver_certs_caregiver_idx').on(t.caregiverId), index('caregiver_certs_expiry_idx').on(t.expiresOn)],
)

/** 信用记录: complaints upheld, violations, commendations, inspections, with points. */
export const creditRecords = pgTable(
  'provider_credit_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    providerId: uuid('provider_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind', { enum: ['complaint_upheld', 'violation', 'commendation', 'inspection'] }).notNull(),
    points: integer('points').notNull(),
    note: text('note').notNull(),
    orderId: uuid('order_id'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('credit_records_provider_idx').on(t.providerId)],
)
