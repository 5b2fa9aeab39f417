import {
  visitChecklistItems,
  visitConfirmers,
  visitFindingValues,
  visitFrequencies,
  visitModes,
  visitPeriodStatuses,
  visitPlanStatuses,
  visitTaskKinds,
  visitTaskLinkTypes,
  visitTaskStatuses,
} from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

const uuid = z.uuid({ message: '编号格式不正确' })
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true')
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
const weekKey = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, '周格式应为 YYYY-Www，如 2026-W49')

export const ZFindPlans = ZPageQuery.extend({
  regionCode: regionCode.optional(),
  q: z.string().trim().max(50).optional(),
  frequency: z.enum(visitFrequencies).optional(),
  status: z.enum(visitPlanStatuses).optional(),
  visitorId: z.string().max(64).optional(),
  unassigned: boolQuery.optional(),
  redListed: boolQuery.optional(),
  /** Not yet visited in the current period. */
  dueNow: boolQuery.optional(),
})
export type TFindPlans = z.infer<typeof ZFindPlans>

export const ZPlanItem = z.object({
  id: z.string(),
  elderId: z.string(),
  elderName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  frequency: z.enum(visitFrequencies),
  allowPhone: z.boolean(),
  ruleId: z.string(),
  reason: z.string(),
  status: z.enum(visitPlanStatuses),
  visitorId: z.string().nullable(),
  visitorName: z.string().nullable(),
  backupId: z.string().nullable(),
  backupName: z.string().nullable(),
  missedInRow: z.number().int(),
  redListed: z.boolean(),
  lastVisitAt: z.string().nullable(),
  currentPeriod: z.string(),
  dueNow: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
})

export const ZPeriodItem = z.object({
  id: z.string(),
  periodKey: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(visitPeriodStatuses),
  visitId: z.string().nullable(),
})

export const ZChecklist = z.partialRecord(z.enum(visitChecklistItems), z.enum(visitFindingValues))

export const ZVisitItem = z.object({
  id: z.string(),
  planId: z.string(),
  elderId: z.string(),
  regionCode: z.string(),
  visitorId: z.string(),
  visitorName: z.string(),
  mode: z.enum(visitModes),
  visitedAt: z.string(),
  periodKey: z.string().nullable(),
  counted: z.boolean(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  checklist: ZChecklist,
  problems: z.string().nullable(),
  actions: z.string().nullable(),
  noCareFound: z.boolean(),
  confirmedBy: z.enum(visitConfirmers),
  confirmerName: z.string().nullable(),
  hasPhoto: z.boolean(),
})

export const ZTaskItem = z.object({
  id: z.string(),
  visitId: z.string(),
  elderId: z.string(),
  elderName: z.string().nullable(),
  regionCode: z.string(),
  kind: z.enum(visitTaskKinds),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(visitTaskStatuses),
  note: z.string(),
  resultNote: z.string().nullable(),
  /** What the task became in the module that does it: a service order, a benefit application, a reassessment trigger, an alarm, the supporter notice job. */
  linkType: z.enum(visitTaskLinkTypes).nullable(),
  linkId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
})

export const ZPlanDetail = ZPlanItem.extend({
  periods: z.array(ZPeriodItem),
  visits: z.array(ZVisitItem),
  elder: z.object({ name: z.string(), age: z.number().int(), address: z.string().nullable(), phone: z.string().nullable(), categories: z.array(z.string()) }),
})

export const ZAssignPlans = z.object({
  planIds: z.array(uuid).min(1, '请选择探访计划').max(500, '一次最多指派 500 条'),
  visitorId: uuid,
  backupId: uuid.nullable().optional(),
})
export type TAssignPlans = z.infer<typeof ZAssignPlans>

export const ZVisitorOption = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  activePlans: z.number().int(),
  visitsThisMonth: z.number().int(),
  sameCommunity: z.boolean(),
  /** From where the visitor checks in to the elder's home, for one plan; null when either position is unknown. */
  distanceMetres: z.number().int().nullable(),
})

export const ZRecordVisit = z.object({
  planId: uuid,
  idempotencyKey: z.string().trim().min(8, '缺少防重复提交编号').max(80),
  mode: z.enum(visitModes),
  visitedAt: z.iso.datetime({ offset: true, message: '探访时间格式不正确' }).optional(),
  visitorName: z.string().trim().max(50).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  checklist: ZChecklist,
  problems: z.string().trim().max(1000, '发现的问题最多 1000 字').optional(),
  actions: z.string().trim().max(1000, '采取的措施最多 1000 字').optional(),
  noCareFound: z.boolean().default(false),
  confirmedBy: z.enum(visitConfirmers).default('none'),
  confirmerName: z.string().trim().max(50).optional(),
  tasks: z
    .array(
      z.object({
        kind: z.enum(visitTaskKinds),
        note: z.string().trim().min(1, '请说明要办理的事项').max(500),
        /** 申请补贴: the programme; without it the one discovery finds the elder eligible for. */
        programmeCode: z.string().trim().min(1).max(40).nullable().optional(),
      }),
    )
    .max(10)
    .default([]),
})
export type TRecordVisit = z.infer<typeof ZRecordVisit>

export const ZRecordVisitResult = z.object({ visit: ZVisitItem, tasks: z.array(ZTaskItem), duplicate: z.boolean() })

export const ZFindVisits = ZPageQuery.extend({
  regionCode: regionCode.optional(),
  planId: uuid.optional(),
  visitorId: z.string().max(64).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
})
export type TFindVisits = z.infer<typeof ZFindVisits>
export const ZVisitListItem = ZVisitItem.omit({ problems: true, actions: true }).extend({ elderName: z.string() })

export const ZFindTasks = ZPageQuery.extend({
  regionCode: regionCode.optional(),
  status: z.enum(visitTaskStatuses).optional(),
  kind: z.enum(visitTaskKinds).optional(),
  mine: boolQuery.optional(),
})
export type TFindTasks = z.infer<typeof ZFindTasks>

export const ZTaskAction = z.object({
  action: z.enum(['complete', 'cancel']),
  version: z.number().int(),
  resultNote: z.string().trim().min(1, '请填写办理结果').max(500),
})
export type TTaskAction = z.infer<typeof ZTaskAction>

/** 申请上门服务 task → a service order request (orders module), with the task's version. */
export const ZTaskOrder = z.object({
  providerId: uuid,
  itemCode: z.string().trim().min(1, '请选择服务项目').max(40),
  serviceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  windowStart: z.iso.datetime({ offset: true, message: '预约时间格式不正确' }).nullable().optional(),
  quantity: z.number({ message: '数量应为数字' }).positive('数量应大于0').max(100, '数量过大').default(1),
  plannedMinutes: z.number().int().min(5, '计划时长至少5分钟').max(720, '计划时长过长').default(60),
  note: z.string().trim().max(500).nullable().optional(),
  version: z.number().int(),
})
export type TTaskOrder = z.infer<typeof ZTaskOrder>

export const ZLedgerQuery = z.object({ regionCode: regionCode.optional(), month: monthKey })
export type TLedgerQuery = z.infer<typeof ZLedgerQuery>

const ZRate = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable(), target: z.number(), met: z.boolean() })

export const ZLedgerRow = z.object({
  visitId: z.string(),
  elderName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  frequency: z.enum(visitFrequencies),
  visitorName: z.string(),
  mode: z.enum(visitModes),
  visitedAt: z.string(),
  counted: z.boolean(),
  concerns: z.array(z.string()),
  noCareFound: z.boolean(),
  confirmedBy: z.enum(visitConfirmers),
})
export const ZLedger = z.object({
  month: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  rows: z.array(ZLedgerRow),
  /** Target elders with no counted visit in the month (the ledger shows who was missed too). */
  unvisited: z.array(
    z.object({ elderName: z.string(), regionName: z.string().nullable(), frequency: z.enum(visitFrequencies), visitorName: z.string().nullable() }),
  ),
  monthlyRate: ZRate,
  weeklyRates: z.array(ZRate.extend({ week: z.string() })),
})

export const ZRatesQuery = z.object({ regionCode: regionCode.optional(), week: weekKey.optional(), month: monthKey.optional() })
export type TRatesQuery = z.infer<typeof ZRatesQuery>
export const ZRates = z.object({
  week: z.string(),
  month: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  weekly: ZRate,
  ruralMonthly: ZRate,
  /** The same two rates for each child region, for drilling down. */
  children: z.array(z.object({ regionCode: z.string(), regionName: z.string().nullable(), weekly: ZRate, ruralMonthly: ZRate })),
  /** The last 8 weeks' 周探访率, oldest first, for the chart. */
  trend: z.array(z.object({ week: z.string(), rate: z.number().nullable() })),
})
