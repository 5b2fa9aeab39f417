import { sql } from 'drizzle-orm'
import { bigserial, date, doublePrecision, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/** Devices bound to elders: bracelets, one-key call buttons, fall and smoke sensors. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serial: varchar('serial', { length: 64 }).notNull(),
    kind: text('kind', { enum: ['bracelet', 'button', 'fall_sensor', 'smoke_sensor'] }).notNull(),
    model: text('model').notNull().default(''),
    vendor: varchar('vendor', { length: 32 }).notNull().default('demo'),
    /** The SIM's phone number, encrypted; the last four digits in clear for the console. */
    simEnc: text('sim_enc'),
    simLast4: varchar('sim_last4', { length: 4 }),
    elderId: uuid('elder_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    boundFrom: date('bound_from', { mode: 'string' }),
    boundTo: date('bound_to', { mode: 'string' }),
    battery: smallint('battery'),
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true }),
    lastLat: doublePrecision('last_lat'),
    lastLng: doublePrecision('last_lng'),
    /** Set by the periodic heartbeat check when no heartbeat came for DEVICE_OFFLINE_MINUTES; cleared by the next message. */
    offlineSince: timestamp('offline_since', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('devices_serial_uq').on(t.serial),
    index('devices_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('devices_elder_idx').on(t.elderId),
  ],
)

/** Vendor platforms posting to the webhook; the HMAC secret is encrypted (AES-GCM, platform/crypto). */
export const deviceVendors = pgTable('device_vendors', {
  code: varchar('code', { length: 32 }).primaryKey(),
  name: text('name').notNull(),
  secretEnc: text('secret_enc').notNull(),
  isDemo: integer('is_demo').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Signatures already accepted by the webhooks (vendor devices and the switchboard): a replay is refused. */
export const webhookNonces = pgTable(
  'webhook_nonces',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: varchar('source', { length: 40 }).notNull(),
    signature: varchar('signature', { length: 64 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webhook_nonces_uq').on(t.source, t.signature)],
)

/** Device messages refused at the door (bad payload, unknown device, bad signature…), counted by reason. */
export const ingestRejections = pgTable(
  'device_ingest_rejections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source', { enum: ['mqtt', 'webhook', 'hotline'] }).notNull(),
    reason: text('reason').notNull(),
    serial: varchar('serial', { length: 64 }),
    detail: text('detail').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('device_ingest_rejections_at_idx').on(t.receivedAt)],
)

/** An alarm: stored once per device + eventId, worked through core's alarmFlow. */
export const alarms = pgTable(
  'alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id'),
    deviceSerial: varchar('device_serial', { length: 64 }).notNull(),
    eventId: varchar('event_id', { length: 128 }).notNull(),
    type: text('type').notNull(),
    source: text('source', { enum: ['mqtt', 'webhook', 'hotline', 'staff'] }).notNull(),
    elderId: uuid('elder_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: ['raised', 'acknowledged', 'contacting', 'dispatched', 'accepted', 'arrived', 'resolved', 'closed'] })
      .notNull()
      .default('raised'),
    eventTime: timestamp('event_time', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    battery: smallint('battery'),
    claimedBy: uuid('claimed_by'),
    claimedByName: text('claimed_by_name'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    responderId: uuid('responder_id'),
    responderName: text('responder_name'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    closeNote: text('close_note'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    hotlineCallId: uuid('hotline_call_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alarms_device_event_uq').on(t.deviceSerial, t.eventId),
    index('alarms_region_idx').on(t.regionCode.op('text_pattern_ops'), t.receivedAt),
    index('alarms_open_idx')
      .on(t.status, t.receivedAt)
      .where(sql`status <> 'closed'`),
    index('alarms_responder_idx').on(t.responderId),
  ],
)

/** What was done on an alarm beside its status: call-backs, notes, family notices, escalations. */
export const alarmActions = pgTable(
  'alarm_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alarmId: uuid('alarm_id').notNull(),
    kind: text('kind', { enum: ['call_back', 'note', 'family_notified', 'escalated', 'dispatched', 'responder'] }).notNull(),
    result: text('result'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('alarm_actions_alarm_idx').on(t.alarmId, t.at)],
)

/** 12349 hotline work orders: one per incoming call (or typed in by an operator); core's hotlineFlow. */
export const hotlineCalls = pgTable(
  'hotline_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: varchar('call_id', { length: 128 }),
    callerPhoneEnc: text('caller_phone_enc').notNull(),
    callerPhoneHash: text('caller_phone_hash').notNull(),
    callerPhoneMasked: varchar('caller_phone_masked', { length: 20 }).notNull(),
    elderId: uuid('elder_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: ['ringing', 'open', 'routed', 'replied', 'called_back', 'alarm', 'closed'] })
      .notNull()
      .default('ringing'),
    category: text('category'),
    summary: text('summary').notNull().default(''),
    routedTo: text('routed_to'),
    /** The due day (Asia/Shanghai) of deadlineAt, for lists. */
    deadline: date('deadline', { mode: 'string' }),
    satisfaction: text('satisfaction'),
    takenBy: uuid('taken_by'),
    takenByName: text('taken_by_name'),
    alarmId: uuid('alarm_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The switchboard that posted the call; null for an order typed in by an operator. */
    switchboard: varchar('switchboard', { length: 32 }),
    callerName: text('caller_name'),
    /** street (a street's region code), provider (its id) or department (core's list). */
    routeKind: text('route_kind', { enum: ['street', 'provider', 'department'] }),
    routeTargetName: text('route_target_name'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    orderId: uuid('order_id'),
    closeNote: text('close_note'),
  },
  (t) => [
    uniqueIndex('hotline_calls_switchboard_call_uq').on(t.switchboard, t.callId),
    index('hotline_calls_region_idx').on(t.regionCode.op('text_pattern_ops'), t.receivedAt),
    index('hotline_calls_phone_idx').on(t.callerPhoneHash),
  ],
)

/** The timeline of a work order: receipt, intake, routing, replies, call-backs, closing. */
export const hotlineActions = pgTable(
  'hotline_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    hotlineCallId: uuid('hotline_call_id').notNull(),
    kind: text('kind').notNull(),
    result: text('result'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hotline_actions_call_idx').on(t.hotlineCallId, t.at)],
)
