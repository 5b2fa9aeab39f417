import { orderFlags, orderRequesterKinds, orderRequestKinds, orderStatuses } from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const uuid = z.uuid({ message: '编号格式不正确' })
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const lat = z.number({ message: '纬度应为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围')
const lng = z.number({ message: '经度应为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围')
/** One key per action from the phone: a resubmitted action with the same key is answered, not repeated. */
const idempotencyKey = z.string().trim().min(8, '操作标识过短').max(100).optional()

export const ZRequestOrder = z.object({
  elderId: uuid,
  providerId: uuid,
  itemCode: z.string().trim().min(1, '请选择服务项目').max(40),
  serviceDate: dateStr,
  windowStart: z.iso.datetime({ offset: true, message: '预约时间格式不正确' }).nullable().optional(),
  /** In units of the item (小时, 次); one decimal at most. */
  quantity: z
    .number({ message: '数量应为数字' })
    .positive('数量应大于0')
    .max(100, '数量过大')
    .refine((q) => Number.isInteger(Math.round(q * 10)) && Math.abs(q * 10 - Math.round(q * 10)) < 1e-9, '数量最多保留一位小数')
    .default(1),
  plannedMinutes: z.number().int().min(5, '计划时长至少5分钟').max(720, '计划时长过长').default(60),
  requesterKind: z.enum(orderRequestKinds),
  note: z.string().trim().max(500).nullable().optional(),
  homeLat: lat.nullable().optional(),
  homeLng: lng.nullable().optional(),
})
export type TRequestOrder = z.infer<typeof ZRequestOrder>

export const ZVersionBody = z.object({ version: z.number().int().optional() })
export const ZAssignOrder = z.object({ caregiverId: uuid, version: z.number().int().optional(), reason: z.string().trim().max(200).nullable().optional() })
export type TAssignOrder = z.infer<typeof ZAssignOrder>
export const ZCheckIn = z.object({ lat: lat.nullable().optional(), lng: lng.nullable().optional(), idempotencyKey })
export type TCheckIn = z.infer<typeof ZCheckIn>
export const ZRecordService = z.object({
  itemsDone: z.array(z.string().trim().min(1).max(100)).min(1, '请至少记录一项已完成的服务').max(30),
  notes: z.string().trim().max(1000).nullable().optional(),
  risks: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  idempotencyKey,
})
export type TRecordService = z.infer<typeof ZRecordService>
export const ZStepKey = z.object({ idempotencyKey })
export const ZConfirmOrder = z.object({
  rating: z.number({ message: '请评分' }).int('评分应为1到5的整数').min(1, '评分应为1到5').max(5, '评分应为1到5'),
  comment: z.string().trim().max(500).nullable().optional(),
  by: z.enum(['elder', 'family']),
})
export type TConfirmOrder = z.infer<typeof ZConfirmOrder>
export const ZReason = z.object({ reason: z.string().trim().min(2, '请填写原因').max(500) })
export const ZResolve = z.object({ note: z.string().trim().min(2, '请填写处理意见').max(500) })

export const ZOrderSettings = z.object({
  maxDistanceM: z.number().int().min(50, '距离至少50米').max(20000),
  minSharePercent: z.number().int().min(0).max(100),
  lateGraceMinutes: z.number().int().min(0).max(240),
  autoConfirmDays: z.number().int().min(1, '至少1天').max(60),
})
export type TOrderSettings = z.infer<typeof ZOrderSettings>

export const ZFindOrders = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(orderStatuses).optional(),
  providerId: uuid.optional(),
  caregiverId: uuid.optional(),
  elderId: uuid.optional(),
  dateFrom: dateStr.optional(),
  dateTo: dateStr.optional(),
  regionCode: regionCode.optional(),
})
export type TFindOrders = z.infer<typeof ZFindOrders>

export const ZOrderSummary = z.object({
  id: z.string(),
  orderNo: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  elderId: z.string(),
  elderName: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  caregiverId: z.string().nullable(),
  caregiverName: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  serviceDate: z.string(),
  windowStart: z.string().nullable(),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  selfPayFen: z.number().int(),
  status: z.enum(orderStatuses),
  flags: z.array(z.enum(orderFlags)),
  rating: z.number().int().nullable(),
  version: z.number().int(),
  /** From the published daily plan (dispatch): planned start and place in the caregiver's day. */
  plannedStart: z.string().nullable(),
  planSeq: z.number().int().nullable(),
  /** Caregivers the visit needs (2: double-staffed). */
  staffCount: z.number().int(),
})
export type TOrderSummary = z.infer<typeof ZOrderSummary>

export const ZOrderEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
})

export const ZOrderDetail = ZOrderSummary.extend({
  address: z.string().nullable(),
  homeLat: z.number().nullable(),
  homeLng: z.number().nullable(),
  skill: z.string(),
  unit: z.string(),
  editionVersionLabel: z.string(),
  unitPriceFen: z.number().int(),
  quantity: z.number(),
  subsidyBasis: z.string(),
  plannedMinutes: z.number().int(),
  requesterKind: z.enum(orderRequesterKinds),
  requestNote: z.string().nullable(),
  checkInAt: z.string().nullable(),
  checkInDistanceM: z.number().int().nullable(),
  checkOutAt: z.string().nullable(),
  record: z.object({ itemsDone: z.array(z.string()), notes: z.string().nullable(), risks: z.array(z.string()) }).nullable(),
  ratingComment: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  postings: z.array(z.object({ account: z.string(), debitFen: z.number().int(), creditFen: z.number().int() })).nullable(),
  cancelReason: z.string().nullable(),
  resolveNote: z.string().nullable(),
  actions: z.array(z.string()),
  timeline: z.array(ZOrderEvent),
})
export type TOrderDetail = z.infer<typeof ZOrderDetail>

export const ZStatementQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  providerId: uuid.optional(),
})
export type TStatementQuery = z.infer<typeof ZStatementQuery>
