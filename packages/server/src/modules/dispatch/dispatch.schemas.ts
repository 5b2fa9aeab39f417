import { dispatchDiffStatuses, dispatchPlanStatuses } from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const uuid = z.uuid({ message: '编号格式不正确' })
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const iso = z.iso.datetime({ offset: true, message: '时间格式不正确' })

/** Start a plan: a provider's day, or a street's day for its unified dispatch centre (exactly one of the two). */
export const ZCreatePlan = z
  .object({
    providerId: uuid.optional(),
    streetCode: regionCode.optional(),
    date: dateStr,
    /** Solver budget in seconds (default 8). */
    seconds: z.number().int().min(1, '计算时间至少1秒').max(60, '计算时间最多60秒').optional(),
  })
  .refine((v) => !!v.providerId !== !!v.streetCode, { message: '请选择服务商或街道（二选一）', path: ['providerId'] })
export type TCreatePlan = z.infer<typeof ZCreatePlan>

export const ZFindPlans = ZPageQuery.extend({
  date: dateStr.optional(),
  providerId: uuid.optional(),
  streetCode: regionCode.optional(),
  status: z.enum(dispatchPlanStatuses).optional(),
})
export type TFindPlans = z.infer<typeof ZFindPlans>

export const ZFigures = z.object({
  /** Total travel, seconds. */
  travelSeconds: z.number().int(),
  /** Visits starting later than the requested start plus the grace. */
  lateVisits: z.number().int(),
  /** Service minutes / shift minutes of the caregivers used, 0..1. */
  utilisation: z.number(),
  /** Visits placed. */
  visits: z.number().int(),
  unassigned: z.number().int(),
  caregiversUsed: z.number().int(),
})
export type TFigures = z.infer<typeof ZFigures>

export const ZPlanStop = z.object({
  orderId: uuid,
  orderNo: z.string(),
  elderName: z.string(),
  itemName: z.string(),
  skill: z.string(),
  address: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  /** Planned start and end of service (ISO). */
  start: iso,
  end: iso,
  /** The elder's requested start, when given. */
  requestedStart: iso.nullable(),
  travelSecondsBefore: z.number().int(),
  late: z.boolean(),
  lateMinutes: z.number().int(),
  locked: z.boolean(),
  started: z.boolean(),
  urgent: z.boolean(),
  /** Double-staffed: the other caregiver of the same visit. */
  partnerCaregiverId: uuid.nullable(),
})
export type TPlanStop = z.infer<typeof ZPlanStop>

export const ZPlanRoute = z.object({
  caregiverId: uuid,
  caregiverName: z.string(),
  providerId: uuid,
  skills: z.array(z.string()),
  shift: z.object({ start: iso, end: iso }),
  home: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  breakStart: iso.nullable(),
  stops: z.array(ZPlanStop),
})
export type TPlanRoute = z.infer<typeof ZPlanRoute>

export const ZPlanSummary = z.object({
  id: uuid,
  providerId: uuid.nullable(),
  providerName: z.string().nullable(),
  streetCode: z.string().nullable(),
  streetName: z.string().nullable(),
  serviceDate: dateStr,
  status: z.enum(dispatchPlanStatuses),
  version: z.number().int(),
  progress: z.object({ percent: z.number(), phase: z.string() }).nullable(),
  figures: ZFigures.nullable(),
  baseline: ZFigures.nullable(),
  createdAt: iso,
  publishedAt: iso.nullable(),
})
export type TPlanSummary = z.infer<typeof ZPlanSummary>

export const ZPlanDetail = ZPlanSummary.extend({
  failure: z.string().nullable(),
  /** 'osrm' when travel times came from the routing engine, 'haversine' otherwise. */
  travelSource: z.enum(['haversine', 'osrm']).nullable(),
  routes: z.array(ZPlanRoute),
  unassigned: z.array(z.object({ orderId: uuid, orderNo: z.string(), elderName: z.string(), itemName: z.string(), reasons: z.array(z.string()) })),
  /** The greedy plan's routes (caregiver → order ids in order), for comparison. */
  baselineRoutes: z.array(z.object({ caregiverId: uuid, orderIds: z.array(uuid) })),
  diffs: z.array(z.object({ id: uuid, kind: z.string(), status: z.enum(dispatchDiffStatuses), createdAt: iso })),
})
export type TPlanDetail = z.infer<typeof ZPlanDetail>

/** A hand move: the visit goes to this caregiver at this place in the day (0 = first), or nearest to this start. */
export const ZMove = z
  .object({
    orderId: uuid,
    toCaregiverId: uuid,
    /** For a double-staffed visit: the part on this caregiver moves (default: the first part). */
    fromCaregiverId: uuid.optional(),
    position: z.number().int().min(0, '位置不能为负').optional(),
    start: iso.optional(),
    version: z.number().int().optional(),
  })
  .refine((v) => v.position !== undefined || v.start !== undefined, { message: '请给出位置或开始时间', path: ['position'] })
export type TMove = z.infer<typeof ZMove>

export const ZMoveCheck = z.object({
  feasible: z.boolean(),
  reasons: z.array(z.string()),
  /** Change of the plan's cost (travel minutes + weighted lateness), negative is better. */
  costDelta: z.number(),
  figures: ZFigures.nullable(),
})
export type TMoveCheck = z.infer<typeof ZMoveCheck>

export const ZLock = z.object({ orderId: uuid, locked: z.boolean(), version: z.number().int().optional() })
export const ZVersion = z.object({ version: z.number().int().optional() })
export const ZUrgent = z.object({ orderId: uuid })
export const ZUrgentResult = z.object({
  placed: z.boolean(),
  caregiverId: uuid.nullable(),
  start: iso.nullable(),
  reasons: z.array(z.string()),
  /** Visits that changed caregiver to make room. */
  moved: z.number().int(),
  /** Visits taken out of the plan to make room (back to waiting, with their reason in the plan). */
  displaced: z.number().int(),
})
export type TUrgentResult = z.infer<typeof ZUrgentResult>

export const ZSick = z.object({ caregiverId: uuid, from: iso })
export const ZDiffChange = z.object({
  orderId: uuid,
  elderName: z.string(),
  itemName: z.string(),
  fromCaregiverId: uuid.nullable(),
  fromCaregiverName: z.string().nullable(),
  toCaregiverId: uuid.nullable(),
  toCaregiverName: z.string().nullable(),
  fromStart: iso.nullable(),
  toStart: iso.nullable(),
  /** Why nobody takes the visit now (toCaregiverId null), in Chinese. */
  reason: z.string().nullable(),
})
export type TDiffChange = z.infer<typeof ZDiffChange>
export const ZDiff = z.object({
  id: uuid,
  planId: uuid,
  kind: z.string(),
  status: z.enum(dispatchDiffStatuses),
  baseVersion: z.number().int(),
  changes: z.array(ZDiffChange),
  figures: ZFigures,
  createdAt: iso,
})
export type TDiff = z.infer<typeof ZDiff>
export const ZPlanIdParam = z.object({ id: uuid })
export const ZDiffParam = z.object({ id: uuid, diffId: uuid })
export const ZNotice = z.object({ id: z.number().int(), planId: uuid, text: z.string(), createdAt: iso })
export type TNotice = z.infer<typeof ZNotice>
