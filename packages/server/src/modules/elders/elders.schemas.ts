import { z } from 'zod'
import { pageOf, ZPageQuery } from '../../platform/list.js'
import {
  ageBands,
  elderCategories,
  elderStatuses,
  hukouTypes,
  isValidPhoneText,
  livingArrangements,
  normalizeIdNumberText,
  normalizePhoneText,
  typedElderCategories,
} from '@yiyang/core'

const ageBandIds = ageBands.map((b) => b.id) as [string, ...string[]]

export const ZContact = z.object({
  name: z.string().trim().min(1, '请填写联系人姓名').max(50),
  relation: z.string().trim().max(20).default(''),
  phone: z.string().trim().transform(normalizePhoneText).pipe(z.string().refine(isValidPhoneText, '请输入11位手机号或带区号的固定电话')),
  isGuardian: z.boolean().default(false),
})
export type TContact = z.infer<typeof ZContact>

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
/** Cleaned by core's normaliser first (spaces, dashes, full width, +86), as the form and the import do. */
const phone = z.string().trim().transform(normalizePhoneText).pipe(z.string().refine(isValidPhoneText, '请输入11位手机号或带区号的固定电话'))

const elderFields = {
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名最长50个字'),
  idNumber: z.string().trim().min(1, '请填写身份证号').max(40).transform(normalizeIdNumberText),
  regionCode: z.string().regex(/^\d{12}$/, '请选择所在社区（村）'),
  hukou: z.enum(hukouTypes),
  livingArrangement: z.enum(livingArrangements),
  categories: z.array(z.enum(typedElderCategories)).max(30),
  address: z.string().trim().max(200).nullish(),
  phone: phone.nullish().or(z.literal('')),
  contacts: z.array(ZContact).max(10),
  chronicConditions: z.array(z.string().trim().min(1).max(50)).max(30),
  hasFamilyDoctor: z.boolean(),
  familyDoctorDate: dateStr.nullish(),
  familyDoctorName: z.string().trim().max(50).nullish(),
  hasVisitPlan: z.boolean(),
  note: z.string().trim().max(500).nullish(),
  /** Home location, WGS-84; both or neither (checked in the use cases: elder-location.ts). */
  homeLat: z.number('纬度应为数字').min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间').nullish(),
  homeLng: z.number('经度应为数字').min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间').nullish(),
}
export const ZElderInput = z.object({
  ...elderFields,
  hukou: elderFields.hukou.default('local'),
  livingArrangement: elderFields.livingArrangement.default('other'),
  categories: elderFields.categories.default([]),
  contacts: elderFields.contacts.default([]),
  chronicConditions: elderFields.chronicConditions.default([]),
  hasFamilyDoctor: elderFields.hasFamilyDoctor.default(false),
  hasVisitPlan: elderFields.hasVisitPlan.default(false),
  /** Required when the ID number gives an age under 60 (the registry is for elders). */
  underAgeReason: z.string().trim().min(2, '请填写原因').max(200).optional(),
})
export type TElderInput = z.infer<typeof ZElderInput>

export const ZCreateElder = ZElderInput
export type TCreateElder = z.input<typeof ZCreateElder>
export const ZUpdateElder = z
  .object(elderFields)
  .partial()
  .extend({
    version: z.number().int().min(1),
    reason: z.string().trim().max(200).optional(),
    underAgeReason: z.string().trim().min(2, '请填写原因').max(200).optional(),
  })
export type TUpdateElder = z.infer<typeof ZUpdateElder>

export const ZChangeStatus = z.object({
  status: z.enum(elderStatuses),
  date: dateStr.optional(),
  reason: z.string().trim().min(1, '请填写原因').max(200),
  version: z.number().int().min(1),
})
export type TChangeStatus = z.infer<typeof ZChangeStatus>

export const revealFields = ['idNumber', 'phone', 'address', 'contacts'] as const
export const ZReveal = z.object({
  field: z.enum(revealFields),
  reason: z.string().trim().min(2, '请填写查看原因').max(200),
})

export const ZMerge = z.object({
  duplicateId: z.uuid({ message: '编号格式不正确' }),
  reason: z.string().trim().min(2, '请填写合并原因').max(200),
})

const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v), z.array(item)).optional()

export const elderSortFields = ['createdAt', 'name', 'birthDate', 'regionCode'] as const
export const ZFindElders = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '区划代码应为12位数字')
    .optional(),
  categories: csv(z.enum(elderCategories)),
  /** any (default): carries one of the categories; all: carries every one. */
  categoryMatch: z.enum(['any', 'all']).default('any'),
  ageBand: z.enum(ageBandIds).optional(),
  livingArrangement: csv(z.enum(livingArrangements)),
  status: csv(z.enum(elderStatuses)),
  abilityLevel: csv(z.coerce.number().int().min(0).max(4)),
  sort: z.enum(elderSortFields).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
})
export type TFindElders = z.infer<typeof ZFindElders>
export const ZElderFilter = ZFindElders.omit({ page: true, pageSize: true, sort: true, order: true })
export type TElderFilter = z.infer<typeof ZElderFilter>

export const ZElderSummary = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  livingArrangement: z.string(),
  categories: z.array(z.string()),
  status: z.enum(elderStatuses),
  phone: z.string().nullable(),
  abilityLevel: z.number().int().nullable(),
  abilityScale: z.string().nullable(),
})
/**
 * A page of the list. `total` is exact up to 10,000 matches (find-elders.ts EXACT_COUNT_LIMIT);
 * beyond that `totalIsEstimate` is true and `total` is the planner's estimate, at least 10,001
 * (the web shows "约 N 人", or "10000+ 人" when the estimate says no more).
 */
export const ZElderPage = pageOf(ZElderSummary).extend({ totalIsEstimate: z.boolean() })
export const ZElderDetail = ZElderSummary.extend({
  hukou: z.enum(hukouTypes),
  typedCategories: z.array(z.string()),
  categoryTags: z.array(z.object({ category: z.string(), source: z.string(), reason: z.string() })),
  address: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string(), isGuardian: z.boolean() })),
  chronicConditions: z.array(z.string()),
  hasFamilyDoctor: z.boolean(),
  familyDoctorDate: z.string().nullable(),
  familyDoctorName: z.string().nullable(),
  hasVisitPlan: z.boolean(),
  note: z.string().nullable(),
  homeLat: z.number().nullable(),
  homeLng: z.number().nullable(),
  statusDate: z.string().nullable(),
  statusReason: z.string().nullable(),
  abilityEffectiveDate: z.string().nullable(),
  lastAssessmentDate: z.string().nullable(),
  mergedInto: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TElderDetail = z.infer<typeof ZElderDetail>

// ---------- batch import (status, result, confirmation) ----------

const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const
const importPhases = ['queued', 'reading', 'checking', 'writing', 'done'] as const
export const ZImportConflict = z.object({
  row: z.number(),
  elderId: z.string(),
  idNumber: z.string(),
  fields: z.array(z.object({ field: z.string(), label: z.string(), existing: z.string(), imported: z.string() })),
})
export const ZImportChange = z.object({
  row: z.number(),
  elderId: z.string(),
  name: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
})
export const ZImportWarning = z.object({ row: z.number(), name: z.string(), column: z.string(), value: z.string(), message: z.string() })
export const ZImportError = z.object({ row: z.number(), name: z.string(), column: z.string(), value: z.string(), message: z.string() })
export const ZImportErrorList = z.object({ items: z.array(ZImportError), total: z.number() })
export const ZImportJob = z.object({
  id: z.string(),
  status: z.enum(jobStatuses),
  filename: z.string(),
  mode: z.enum(['all_or_nothing', 'valid_only']),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: z.object({ phase: z.enum(importPhases), percent: z.number(), rowsRead: z.number() }).nullable(),
  error: z.string().nullable(),
  confirmsJobId: z.string().nullable(),
  result: z
    .object({
      mode: z.string(),
      committed: z.boolean(),
      rows: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      errorRows: z.number(),
      errorCount: z.number(),
      conflictCount: z.number(),
      warningCount: z.number(),
      unknownColumns: z.array(z.string()),
      message: z.string(),
      /** Rows whose ID number belongs to an elder with another name: imported only when confirmed. */
      conflicts: z.array(ZImportConflict),
      /** Every updated elder (first 200) and what changed, in Chinese. */
      changes: z.array(ZImportChange),
      warnings: z.array(ZImportWarning),
    })
    .nullable(),
  hasErrorReport: z.boolean(),
})
export const ZConfirmImportRows = z.object({ rows: z.array(z.number().int().min(1)).min(1, '请选择要确认的行').max(10_000) })
