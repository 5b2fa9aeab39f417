import { sql } from 'drizzle-orm'
import { categoryBitOrder } from './category-bits.js'
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'

/**
 * The elder registry. PII (ID number, phones, address, contacts, health) is stored encrypted
 * (`*_enc`, AES-256-GCM) with keyed hashes for exact lookup. No clear column together with
 * another rebuilds an ID number: birth date and the address code are clear (filters need
 * them), so the last four characters are NOT kept in clear; masks are made after decrypting.
 */
export const elders = pgTable(
  'elders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    name: text('name').notNull(),
    /** Pinyin initials of the name (张伟 → zw), for quick search. */
    nameInitials: text('name_initials').notNull().default(''),
    idHash: text('id_hash').notNull(),
    idEnc: text('id_enc').notNull(),
    idPrefix6: varchar('id_prefix6', { length: 6 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    hukou: text('hukou', { enum: ['local', 'non_local'] })
      .notNull()
      .default('local'),
    livingArrangement: text('living_arrangement').notNull().default('other'),
    /** Categories typed by staff. */
    typedCategories: text('typed_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The derived set (core deriveCategories) without 高龄, which changes with the date and is
     * computed from birth_date at read time and in filters.
     */
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The stored categories as a bitmask (bit i = categoryBitOrder[i]), computed by PostgreSQL, so
     * that list filters and counts run as index-only scans of elders_list_idx (see find-elders.ts).
     */
    categoryBits: integer('category_bits')
      .notNull()
      .generatedAlwaysAs(sql.raw(categoryBitOrder.map((c, i) => `(('${c}' = any(categories))::int << ${i})`).join(' | '))),
    addressEnc: text('address_enc'),
    addressMasked: text('address_masked'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phonePrefix3: varchar('phone_prefix3', { length: 3 }),
    phoneLast4: varchar('phone_last4', { length: 4 }),
    /** JSON array of contacts/guardians, encrypted. */
    contactsEnc: text('contacts_enc'),
    hasGuardian: boolean('has_guardian').notNull().default(false),
    /** JSON array of chronic conditions (health data), encrypted. */
    healthEnc: text('health_enc'),
    hasFamilyDoctor: boolean('has_family_doctor').notNull().default(false),
    familyDoctorDate: date('family_doctor_date', { mode: 'string' }),
    familyDoctorName: text('family_doctor_name'),
    hasVisitPlan: boolean('has_visit_plan').notNull().default(false),
    note: text('note'),
    status: text('status', { enum: ['active', 'deceased', 'moved_out'] })
      .notNull()
      .default('active'),
    statusDate: date('status_date', { mode: 'string' }),
    statusReason: text('status_reason'),
    abilityScale: text('ability_scale'),
    abilityLevel: smallint('ability_level'),
    abilityAssessmentId: text('ability_assessment_id'),
    abilityEffectiveDate: date('ability_effective_date', { mode: 'string' }),
    hasDementia: boolean('has_dementia').notNull().default(false),
    lastAssessmentDate: date('last_assessment_date', { mode: 'string' }),
    lastAssessmentLevel: smallint('last_assessment_level'),
    lastCategoryChangeAt: timestamp('last_category_change_at', { withTimezone: true }),
    /** Set when this record was merged into another one (a duplicate found later). */
    mergedInto: uuid('merged_into'),
    /** Home location, WGS-84 (issue 20 item 1): picked on a map, typed or imported; null until known. */
    homeLat: doublePrecision('home_lat'),
    homeLng: doublePrecision('home_lng'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('elders_id_hash_uq').on(t.idHash),
    index('elders_region_idx').on(t.regionCode.op('text_pattern_ops'), t.createdAt),
    index('elders_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('elders_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
    index('elders_categories_idx').using('gin', t.categories),
    index('elders_birth_idx').on(t.birthDate),
    index('elders_phone_hash_idx').on(t.phoneHash),
    // Covering index of the list: scope prefix first, then everything a filter, a sort or a count
    // needs (the name and its initials too, for a search inside a street), so the page's ids and
    // the totals come from the index alone (1M-elder bench).
    index('elders_list_idx')
      .on(
        t.regionCode.op('text_pattern_ops'),
        t.createdAt,
        t.id,
        t.birthDate,
        t.categoryBits,
        t.status,
        t.livingArrangement,
        t.abilityLevel,
        t.name,
        t.nameInitials,
      )
      .where(sql`merged_into is null`),
    // One small covering index per category (only the elders who carry it), matched by the list's
    // `(category_bits & bit) = bit` (elders.repo.ts): a category within a street reads its members
    // in that street only, not every elder of the street. Together about the size of one index
    // (an elder carries 0.9 categories on average in the 1.1M-elder bench).
    ...categoryBitOrder.map((c, i) =>
      index(`elders_cat_${c}_idx`)
        .on(
          t.regionCode.op('text_pattern_ops'),
          t.createdAt,
          t.id,
          t.birthDate,
          t.categoryBits,
          t.status,
          t.livingArrangement,
          t.abilityLevel,
          t.name,
          t.nameInitials,
        )
        .where(sql.raw(`merged_into is null and (category_bits & ${1 << i}) = ${1 << i}`)),
    ),
    // The list in its default order (newest first) without a sort: the page of a filter matching
    // tens of thousands is the first few hundred entries of this index, filtered in the index
    // (the filter columns follow as keys: drizzle has no INCLUDE) (find-elders.ts).
    index('elders_created_idx')
      .on(t.createdAt, t.id, t.regionCode, t.birthDate, t.categoryBits, t.status, t.livingArrangement, t.abilityLevel)
      .where(sql`merged_into is null`),
  ],
)

/** Every change to an elder: who, when, what (values masked). */
export const elderHistory = pgTable(
  'elder_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull(),
    source: text('source').notNull().default('web'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('elder_history_elder_idx').on(t.elderId, t.at)],
)
