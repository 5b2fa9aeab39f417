import { z } from 'zod'
import { applicationStatuses, benefitChangeKinds, benefitDeliveries, benefitStatuses, objectionStatuses } from '@yiyang/core'
import { ZPageQuery } from '../../platform/list.js'

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const monthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
const uuid = z.uuid({ message: '编号格式不正确' })
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const version = z.number().int().min(1)
const code = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '项目代码格式不正确')

export const ZCodeParam = z.object({ code })
export const ZElderParam = z.object({ elderId: uuid })
export const ZDateParam = z.object({ date: dateStr })

export const ZClause = z.object({ text: z.string(), met: z.boolean() })

// ---------- programmes ----------

export const ZProgrammeRow = z.object({
  code: z.string(),
  name: z.string(),
  delivery: z.enum(benefitDeliveries),
  definition: z.record(z.string(), z.unknown()),
  isActive: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
})
export const ZUpdateProgramme = z.object({ version, definition: z.unknown(), isActive: z.boolean().optional() })
export type TUpdateProgramme = z.infer<typeof ZUpdateProgramme>
export const ZPreviewProgramme = z.object({ definition: z.unknown(), elderId: uuid, month: monthStr })
export type TPreviewProgramme = z.infer<typeof ZPreviewProgramme>
export const ZPreviewResult = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  month: z.string(),
  paymentAge: z.number().int().nullable(),
  eligible: z.boolean(),
  amountFen: z.number().int(),
  clauses: z.array(ZClause),
})

// ---------- applications ----------

export const ZCreateApplication = z.object({ elderId: uuid, programmeCode: code, note: z.string().trim().max(500).nullable().optional() })
export type TCreateApplication = z.infer<typeof ZCreateApplication>
export const ZVersionBody = z.object({ version })
export const ZReasonBody = z.object({ version, reason: z.string().trim().min(2, '请填写原因').max(500) })
export const ZAcceptBody = z.object({
  version,
  /** Needed when the programme requires an ability assessment. */
  assessment: z.object({ assessorId: uuid, scheduledDate: dateStr }).optional(),
})
export type TAcceptBody = z.infer<typeof ZAcceptBody>
export const ZNoteBody = z.object({ version, note: z.string().trim().max(500).nullable().optional() })
export const ZDecideObjection = z.object({
  decision: z.enum(['upheld', 'dismissed']),
  note: z.string().trim().min(2, '请填写核查结论').max(500),
  /** Dismissed: post the 公示 again for its full length. */
  repost: z.boolean().default(false),
})
export type TDecideObjection = z.infer<typeof ZDecideObjection>

export const ZFindApplications = ZPageQuery.extend({
  status: z.enum(applicationStatuses).optional(),
  statusGroup: z.enum(['open', 'done']).optional(),
  programmeCode: code.optional(),
  regionCode: regionCode.optional(),
  elderId: uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
})
export type TFindApplications = z.infer<typeof ZFindApplications>

export const ZApplicationSummary = z.object({
  id: z.string(),
  elderId: z.string(),
  elderName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  programmeCode: z.string(),
  programmeName: z.string(),
  status: z.enum(applicationStatuses),
  amountFen: z.number().int().nullable(),
  stepSince: z.string().nullable(),
  stepDue: z.string().nullable(),
  overdueDays: z.number().int(),
  noticeStart: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  actions: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
const ZVerification = z.object({ userId: z.string(), name: z.string(), note: z.string(), at: z.string(), fileIds: z.array(z.string()) })
export const ZObjectionItem = z.object({
  id: z.string(),
  applicationId: z.string(),
  name: z.string(),
  contact: z.string(),
  reason: z.string(),
  evidence: z.string().nullable(),
  status: z.enum(objectionStatuses),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
})
export const ZTimelineItem = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  status: z.string().nullable(),
  note: z.string().nullable(),
})
export const ZApplicationDetail = ZApplicationSummary.extend({
  note: z.string().nullable(),
  clauses: z.array(ZClause),
  returnReason: z.string().nullable(),
  verifications: z.array(ZVerification),
  assessmentId: z.string().nullable(),
  assessmentLevel: z.number().int().nullable(),
  assessedOn: z.string().nullable(),
  streetReviewNote: z.string().nullable(),
  noticeRound: z.number().int(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  benefitId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  objections: z.array(ZObjectionItem),
  timeline: z.array(ZTimelineItem),
  needsAssessment: z.boolean(),
  homeVerification: z.boolean(),
})

export const ZFindObjections = ZPageQuery.extend({ status: z.enum(objectionStatuses).optional(), regionCode: regionCode.optional() })
export const ZObjectionListItem = ZObjectionItem.extend({
  elderName: z.string(),
  programmeName: z.string(),
  regionName: z.string().nullable(),
  applicationVersion: z.number().int(),
})

export const ZOverdueByStreet = z.object({
  month: z.string(),
  rows: z.array(z.object({ streetCode: z.string(), streetName: z.string().nullable(), open: z.number().int(), overdue: z.number().int() })),
})

// ---------- public ----------

export const ZPublicNotice = z.object({
  id: z.string(),
  elderName: z.string(),
  communityName: z.string().nullable(),
  programmeName: z.string(),
  amountFen: z.number().int().nullable(),
  noticeStart: z.string(),
  noticeEnd: z.string(),
})
export const ZFindPublicNotices = ZPageQuery.extend({ q: z.string().trim().max(40).optional() })
export const ZLodgeObjection = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(40),
  contact: z.string().trim().min(5, '请填写联系电话或其他联系方式').max(60),
  reason: z.string().trim().min(5, '请写明异议理由（至少5个字）').max(1000),
  evidence: z.string().trim().max(2000).nullable().optional(),
})
export type TLodgeObjection = z.infer<typeof ZLodgeObjection>
export const ZPublicProgramme = z.object({
  code: z.string(),
  name: z.string(),
  delivery: z.enum(benefitDeliveries),
  summary: z.string(),
  basis: z.string(),
  clauses: z.array(z.string()),
  tiers: z.array(z.object({ text: z.string(), amountFen: z.number().int() })),
  needsAssessment: z.boolean(),
  noticeDays: z.number().int().nullable(),
})

// ---------- benefits ----------

export const ZBenefit = z.object({
  id: z.string(),
  elderId: z.string(),
  elderName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  programmeCode: z.string(),
  programmeName: z.string(),
  delivery: z.enum(benefitDeliveries).nullable(),
  amountFen: z.number().int(),
  fromMonth: z.string(),
  stopMonth: z.string().nullable(),
  stopReason: z.string().nullable(),
  status: z.enum(benefitStatuses),
  nextReviewMonth: z.string(),
  applicationId: z.string(),
  version: z.number().int(),
})
export const ZBenefitHistory = z.object({
  id: z.number().int(),
  benefitId: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  kind: z.enum(benefitChangeKinds),
  fromAmountFen: z.number().int().nullable(),
  toAmountFen: z.number().int().nullable(),
  effectiveMonth: z.string(),
  reason: z.string(),
  at: z.string(),
})
export const ZFindBenefits = ZPageQuery.extend({
  status: z.enum(benefitStatuses).optional(),
  programmeCode: code.optional(),
  regionCode: regionCode.optional(),
  reviewDue: monthStr.optional(),
})
export type TFindBenefits = z.infer<typeof ZFindBenefits>
export const ZElderBenefits = z.object({
  month: z.string(),
  benefits: z.array(ZBenefit),
  history: z.array(ZBenefitHistory),
  applications: z.array(ZApplicationSummary),
  eligibility: z.array(
    z.object({
      program: z.string(),
      programmeName: z.string(),
      eligible: z.boolean(),
      chosen: z.boolean(),
      amountFen: z.number().int(),
      clauses: z.array(ZClause),
    }),
  ),
})
export const ZMonthBody = z.object({ month: monthStr })

// ---------- calendar ----------

export const ZCalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) })
export const ZCalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'adjusted_workday']),
  isWorkingDay: z.boolean(),
  source: z.enum(['package', 'override', 'weekday']),
  note: z.string().nullable(),
})
export const ZCalendar = z.object({ year: z.number().int(), coveredUntil: z.string(), covered: z.boolean(), days: z.array(ZCalendarDay) })
export const ZCalendarOverride = z.object({ kind: z.enum(['holiday', 'workday']), note: z.string().trim().min(1, '请填写说明').max(100) })

// ---------- discovery ----------

export const ZFindCandidates = ZPageQuery.extend({
  programmeCode: code,
  kind: z.enum(['eligible', 'ineligible']).default('eligible'),
  regionCode: regionCode.optional(),
})
export const ZCandidate = z.object({
  elderId: z.string(),
  elderName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  programmeCode: z.string(),
  kind: z.enum(['eligible', 'ineligible']),
  amountFen: z.number().int(),
  month: z.string(),
  computedAt: z.string(),
})
export { dateStr, monthStr }
