import { sql } from 'drizzle-orm'
import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

export type TServiceRecord = { itemsDone: string[]; notes: string | null; risks: string[] }

/** Service orders (issue 19 item 4): one row per visit, priced and split in fen when requested. */
export const serviceOrders = pgTable(
  'service_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short number shown to people (GD + date + sequence). */
    orderNo: text('order_no').notNull(),
    /** The elder's community: the registry's scope reaches the order through it. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    elderId: uuid('elder_id').notNull(),
    elderName: text('elder_name').notNull(),
    addressEnc: text('address_enc'),
    addressMasked: text('address_masked'),
    homeLat: doublePrecision('home_lat'),
    homeLng: doublePrecision('home_lng'),
    providerId: uuid('provider_id').notNull(),
    caregiverId: uuid('caregiver_id'),
    itemCode: text('item_code').notNull(),
    itemName: text('item_name').notNull(),
    skill: text('skill').notNull(),
    unit: text('unit').notNull(),
    editionId: text('edition_id').notNull(),
    editionVersionLabel: text('edition_version_label').notNull(),
    payer: text('payer').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    quantityTenths: integer('quantity_tenths').notNull(),
    priceFen: integer('price_fen').notNull(),
    subsidyFen: integer('subsidy_fen').notNull(),
    selfPayFen: integer('self_pay_fen').notNull(),
    /** How the subsidy part was computed (credits held, reserved by other orders, drawn). */
    subsidyBasis: text('subsidy_basis').notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }),
    plannedMinutes: integer('planned_minutes').notNull().default(60),
    requesterKind: text('requester_kind').notNull(),
    requestedBy: text('requested_by'),
    requestNote: text('request_note'),
    status: text('status').notNull().default('requested'),
    version: integer('version').notNull().default(1),
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    checkInLat: doublePrecision('check_in_lat'),
    checkInLng: doublePrecision('check_in_lng'),
    checkInDistanceM: integer('check_in_distance_m'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    flags: text('flags').array().notNull().default([]),
    record: jsonb('record').$type<TServiceRecord>(),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** Settlement postings (provider receivable = subsidy payable + self-pay due), balanced to the fen. */
    postings: jsonb('postings').$type<{ account: string; debitFen: number; creditFen: number }[]>(),
    cancelReason: text('cancel_reason'),
    resolveNote: text('resolve_note'),
    /** A canteen meal (助餐): lunch or dinner; null for every other order. */
    mealTime: text('meal_time', { enum: ['lunch', 'dinner'] }),
    /** The key of the request that created the order (the counter's double tap is answered with the first order). */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Caregivers the item needs (2: double-staffed, from the item's standard). */
    staffCount: smallint('staff_count').notNull().default(1),
    /** From the published daily plan (dispatch): the second caregiver of a double-staffed visit, planned start, place in the day. */
    helperCaregiverId: uuid('helper_caregiver_id'),
    plannedStart: timestamp('planned_start', { withTimezone: true }),
    planSeq: integer('plan_seq'),
  },
  (t) => [
    index('service_orders_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('service_orders_provider_idx').on(t.providerId, t.serviceDate),
    index('service_orders_caregiver_idx').on(t.caregiverId, t.serviceDate),
    index('service_orders_helper_idx').on(t.helperCaregiverId, t.serviceDate),
    index('service_orders_elder_idx').on(t.elderId, t.serviceDate),
    uniqueIndex('service_orders_no_uq').on(t.orderNo),
    // One meal per elder per meal time per day, whatever the canteen (the counter refuses a second).
    uniqueIndex('service_orders_meal_uq')
      .on(t.elderId, t.serviceDate, t.mealTime)
      .where(sql`meal_time is not null and status <> 'cancelled'`),
    uniqueIndex('service_orders_key_uq')
      .on(t.providerId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
  ],
)

/**
 * Order anomaly flags (issue 19 item 7, domain.md §13): one row per flag of an order, raised by
 * the order's own steps (same item twice a day, overlapping caregiver orders, far or short
 * visits) or by the registry (death or move-out before the service date), resolved by a
 * supervisor with a note (core orderFlagFlow).
 */
export const orderFlagRecords = pgTable(
  'order_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    /** The order's region and provider, so the order's scope reaches the flag. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    providerId: uuid('provider_id').notNull(),
    flag: text('flag').notNull(),
    detail: text('detail'),
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolveNote: text('resolve_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_flags_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('order_flags_status_idx').on(t.status, t.raisedAt),
    uniqueIndex('order_flags_order_flag_uq').on(t.orderId, t.flag),
  ],
)

/** The order's timeline: each step, who took it, and the idempotency key that made it (never doubled). */
export const serviceOrderEvents = pgTable(
  'service_order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    idempotencyKey: text('idempotency_key'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_order_events_order_idx').on(t.orderId), uniqueIndex('service_order_events_key_uq').on(t.orderId, t.idempotencyKey)],
)

/** Order rules the bureau sets (one row; absent means the defaults of core's defaultVisitRules). */
export const orderSettings = pgTable('order_settings', {
  id: smallint('id').primaryKey().default(1),
  maxDistanceM: integer('max_distance_m').notNull(),
  minSharePercent: integer('min_share_percent').notNull(),
  lateGraceMinutes: integer('late_grace_minutes').notNull(),
  autoConfirmDays: integer('auto_confirm_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
})
