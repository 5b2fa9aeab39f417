import {
  hotlineCallBackResults,
  hotlineCategories,
  hotlineDepartments,
  hotlineRouteKinds,
  hotlineSatisfactions,
  hotlineStatuses,
  isValidPhoneText,
  normalizePhoneText,
} from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'
import { ZElderCard } from './alarms.schemas.js'

const phone = z.string({ message: '请填写来电号码' }).trim().transform(normalizePhoneText).refine(isValidPhoneText, '来电号码格式不正确')

/** The switchboard's incoming-call message (Asterisk / FreeSWITCH dial plan posts it, signed like the device webhook). */
export const ZHotlineWebhook = z.object({
  callId: z.string().trim().min(1, '缺少通话编号').max(128, '通话编号过长'),
  caller: phone,
  time: z.iso.datetime({ offset: true, message: '时间须为 ISO-8601 格式' }),
})

/** A work order as lists carry it. */
export const ZHotlineItem = z.object({
  id: z.string(),
  callId: z.string().nullable(),
  switchboard: z.string().nullable(),
  callerPhoneMasked: z.string(),
  callerName: z.string().nullable(),
  elderId: z.string().nullable(),
  elderName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(hotlineStatuses),
  category: z.enum(hotlineCategories).nullable(),
  summary: z.string(),
  routeKind: z.enum(hotlineRouteKinds).nullable(),
  routedTo: z.string().nullable(),
  routeTargetName: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  satisfaction: z.enum(hotlineSatisfactions).nullable(),
  takenByName: z.string().nullable(),
  alarmId: z.string().nullable(),
  orderId: z.string().nullable(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
})
export type THotlineItem = z.infer<typeof ZHotlineItem>

export const ZHotlineDetail = ZHotlineItem.extend({
  elder: ZElderCard,
  /** Other elders the caller's phone matched (a shared home phone): the operator picks one. */
  candidates: z.array(z.object({ id: z.string(), name: z.string(), regionName: z.string().nullable() })),
  closeNote: z.string().nullable(),
  previousCalls: z.array(z.object({ id: z.string(), category: z.string().nullable(), status: z.string(), receivedAt: z.string() })),
  actions: z.array(z.object({ kind: z.string(), result: z.string().nullable(), note: z.string(), actorName: z.string().nullable(), at: z.string() })),
})

const csv = (v: unknown) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v)
export const ZFindHotline = ZPageQuery.extend({
  /** A phone number (exact), or words of the summary / the call id. */
  q: z.string().trim().max(64).optional(),
  status: z.preprocess(csv, z.array(z.enum(hotlineStatuses))).optional(),
  category: z.enum(hotlineCategories).optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
})
export type TFindHotline = z.infer<typeof ZFindHotline>

const version = z.number().int().min(1).optional()
const note = z.string().trim().max(1000).default('')

export const ZIntake = z.object({
  version,
  category: z.enum(hotlineCategories, { message: '请选择来电类别' }),
  summary: z.string().trim().min(2, '请填写来电内容').max(2000),
  elderId: z.uuid({ message: '老人编号格式不正确' }).nullable().optional(),
  callerName: z.string().trim().max(40).optional(),
})
export type TIntake = z.infer<typeof ZIntake>

/** A work order typed in by the operator (a call the switchboard did not post). */
export const ZFileHotline = ZIntake.omit({ version: true }).extend({ caller: phone })
export type TFileHotline = z.infer<typeof ZFileHotline>

export const ZRoute = z.object({
  version,
  routeKind: z.enum(hotlineRouteKinds, { message: '请选择转办对象类型' }),
  /** street: its 12-digit region code; provider: its id; department: core's code. */
  target: z.string().trim().min(1, '请选择转办对象').max(64),
  note,
})
export type TRoute = z.infer<typeof ZRoute>
export const departmentCodes = hotlineDepartments

export const ZBook = z.object({
  version,
  providerId: z.uuid({ message: '请选择服务商' }),
  itemCode: z.string().trim().min(1, '请选择服务项目').max(40),
  serviceDate: z.iso.date({ message: '服务日期格式不正确' }),
  quantity: z.number().positive('数量应大于0').max(100).default(1),
  note: z.string().trim().max(500).optional(),
})
export type TBook = z.infer<typeof ZBook>

export const ZReply = z.object({ version, note: z.string().trim().min(2, '请填写办理结果').max(1000) })
export const ZHotlineCallBack = z.object({ version, result: z.enum(hotlineCallBackResults, { message: '请选择回访结果' }), note })
export const ZHotlineClose = z.object({
  version,
  satisfaction: z.enum(hotlineSatisfactions, { message: '请选择满意度' }),
  note,
})
export const ZDrop = z.object({ version, note })
export const ZRaiseAlarm = z.object({ version, note })
