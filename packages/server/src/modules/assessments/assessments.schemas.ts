import { ZPageQuery } from '../../platform/list.js'
import { assessmentReasons, assessmentScales, assessmentStatuses, reassessmentStates, riskEventTypes } from '@yiyang/core'
import { z } from 'zod'

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const uuid = z.uuid({ message: '编号格式不正确' })
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')

export const ZAssessorInput = z.object({
  userId: uuid.nullable().default(null),
  name: z.string().trim().min(1, '请填写评估员姓名').max(50),
  certificateNo: z.string().trim().max(50).nullable().default(null),
})

export const ZScheduleAssessment = z.object({
  elderId: uuid,
  scale: z.enum(assessmentScales).default('gbt42195_2022'),
  reason: z.enum(assessmentReasons),
  scheduledDate: dateStr,
  assessorId: uuid,
  note: z.string().trim().max(500).nullable().optional(),
})
export type TScheduleAssessment = z.infer<typeof ZScheduleAssessment>

export const ZAnnexAInfo = z.object({
  riskEvents: z.partialRecord(z.enum(riskEventTypes), z.number().int().min(0).max(3)).default({}),
  diagnoses: z
    .array(
      z.object({
        name: z.string().trim().min(1, '请填写疾病名称').max(100),
        icd10: z
          .string()
          .trim()
          .regex(/^[A-Za-z]\d{2}(\.[0-9A-Za-z]{1,4})?$/, 'ICD-10 编码格式如 F03 或 I63.9'),
      }),
    )
    .max(30)
    .default([]),
  coma: z.boolean().default(false),
  notes: z.string().trim().max(1000).nullable().optional(),
})

const ZSignatureInput = z.object({
  name: z.string().trim().min(1, '请填写签名人').max(50),
  relation: z.string().trim().max(20).nullable().optional(),
  confirmed: z.boolean(),
})

export const ZSaveAnswers = z.object({
  items: z.record(z.string(), z.number().int().nullable()).default({}),
  info: ZAnnexAInfo.optional(),
  place: z.string().trim().max(200).nullable().optional(),
  assessedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  assessors: z.array(ZAssessorInput).max(2).optional(),
  signatures: z
    .object({
      assessor1: ZSignatureInput.nullable().optional(),
      assessor2: ZSignatureInput.nullable().optional(),
      informant: ZSignatureInput.nullable().optional(),
    })
    .optional(),
  /** Optimistic lock: the version the client last saw. */
  version: z.number().int().optional(),
})
export type TSaveAnswers = z.infer<typeof ZSaveAnswers>

export const ZReview = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), note: z.string().trim().max(500).nullable().optional() }),
  z.object({ decision: z.literal('return'), reason: z.string().trim().min(2, '请填写退回原因').max(500) }),
])
export type TReview = z.infer<typeof ZReview>

export const ZObjection = z.object({
  by: z.string().trim().min(1, '请填写提出人').max(50),
  relation: z.string().trim().max(20).nullable().optional(),
  reason: z.string().trim().min(2, '请填写异议理由').max(1000),
  scheduledDate: dateStr,
  assessorId: uuid,
})
export type TObjection = z.infer<typeof ZObjection>

export const ZReasonBody = z.object({ reason: z.string().trim().min(2, '请填写原因').max(500) })

export const ZFindAssessments = ZPageQuery.extend({
  status: z.enum(assessmentStatuses).optional(),
  statusGroup: z.enum(['open', 'in_force', 'history']).optional(),
  regionCode: regionCode.optional(),
  scale: z.enum(assessmentScales).optional(),
  elderId: uuid.optional(),
  assessorId: uuid.optional(),
  q: z.string().trim().max(50).optional(),
})
export type TFindAssessments = z.infer<typeof ZFindAssessments>

export const ZFindDue = ZPageQuery.extend({
  regionCode: regionCode.optional(),
  state: z.enum(reassessmentStates).optional(),
  /** Default: only due_soon and overdue. */
  includeOk: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})
export type TFindDue = z.infer<typeof ZFindDue>

export const ZConditionChange = z.object({
  elderId: uuid,
  note: z.string().trim().min(2, '请说明身体状况的变化').max(500),
})

export const ZStatsQuery = z.object({
  regionCode: regionCode.optional(),
  scale: z.enum(assessmentScales).default('gbt42195_2022'),
})
export type TStatsQuery = z.infer<typeof ZStatsQuery>

export const ZRegionQuery = z.object({ regionCode: regionCode.optional() })

export const ZSettings = z.object({
  scale: z.enum(assessmentScales),
  intervalMonths: z.number().int().min(1, '至少1个月').max(60, '最多60个月'),
  dueSoonDays: z.number().int().min(0).max(180),
  objectionDays: z.number().int().min(0).max(90),
})
export const ZUpdateSettings = ZSettings.omit({ scale: true })
export const ZScaleParam = z.object({ scale: z.enum(assessmentScales) })
export const ZElderParam = z.object({ elderId: uuid })

// ---------- responses ----------

const ZAssessor = z.object({ userId: z.string().nullable(), name: z.string(), certificateNo: z.string().nullable() })
const ZSignature = z.object({ name: z.string(), relation: z.string().nullable().optional(), confirmedAt: z.string() }).nullable().optional()

export const ZAssessmentSummary = z.object({
  id: z.string(),
  elderId: z.string(),
  elderName: z.string(),
  elderSex: z.enum(['male', 'female']),
  elderBirthDate: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  scale: z.enum(assessmentScales),
  reason: z.enum(assessmentReasons),
  status: z.enum(assessmentStatuses),
  scheduledDate: z.string(),
  assessorId: z.string(),
  assessors: z.array(ZAssessor),
  assessedAt: z.string().nullable(),
  answeredCount: z.number().int(),
  itemCount: z.number().int(),
  dimensions: z.record(z.string(), z.number()).nullable(),
  total: z.number().int().nullable(),
  initialLevel: z.number().int().nullable(),
  finalLevel: z.number().int().nullable(),
  finalLevelName: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  objectionDeadline: z.string().nullable(),
  /** Workflow actions this user may take now (from core's assessmentFlow and the user's permissions). */
  actions: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const ZAssessmentDetail = ZAssessmentSummary.extend({
  items: z.record(z.string(), z.number()),
  info: z.object({
    riskEvents: z.record(z.string(), z.number()),
    diagnoses: z.array(z.object({ name: z.string(), icd10: z.string() })),
    coma: z.boolean(),
    notes: z.string().nullable().optional(),
  }),
  missing: z.array(z.object({ key: z.string(), name: z.string() })),
  place: z.string().nullable(),
  reasons: z.array(z.string()).nullable(),
  signatures: z.object({ assessor1: ZSignature, assessor2: ZSignature, informant: ZSignature }),
  note: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  objection: z.object({ by: z.string(), relation: z.string().nullable(), reason: z.string(), at: z.string(), reviewAssessmentId: z.string() }).nullable(),
  disputedId: z.string().nullable(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  cancelReason: z.string().nullable(),
})
export type TAssessmentDetail = z.infer<typeof ZAssessmentDetail>

export const ZDueItem = z.object({
  elderId: z.string(),
  elderName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  source: z.enum(['interval', 'condition_change']),
  scale: z.string().nullable(),
  lastAssessmentId: z.string().nullable(),
  lastEffectiveDate: z.string().nullable(),
  lastLevel: z.number().int().nullable(),
  lastLevelName: z.string().nullable(),
  dueDate: z.string(),
  state: z.enum(reassessmentStates),
  daysLeft: z.number().int(),
  triggerNote: z.string().nullable(),
  openAssessmentId: z.string().nullable(),
  openAssessmentStatus: z.string().nullable(),
})

export const ZWorkloadRow = z.object({
  assessorId: z.string(),
  assessorName: z.string(),
  scheduled: z.number().int(),
  inProgress: z.number().int(),
  returned: z.number().int(),
  submitted: z.number().int(),
  completed30d: z.number().int(),
  overdueScheduled: z.number().int(),
})

export const ZStats = z.object({
  scale: z.enum(assessmentScales),
  levels: z.array(z.object({ level: z.number().int(), name: z.string() })),
  rows: z.array(
    z.object({ regionCode: z.string(), regionName: z.string(), counts: z.array(z.number().int()), total: z.number().int(), moderateOrWorse: z.number().int() }),
  ),
  totals: z.object({ counts: z.array(z.number().int()), total: z.number().int(), moderateOrWorse: z.number().int() }),
})
export type TStats = z.infer<typeof ZStats>

export const ZAssessorOption = z.object({ id: z.string(), displayName: z.string(), openCases: z.number().int() })
