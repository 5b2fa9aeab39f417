import { backgroundCheckResults, caregiverSkills, certificateLevels, parseUscc, providerStatuses, usccErrorMessages } from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const uuid = z.uuid({ message: '编号格式不正确' })

export const ZUscc = z.string().transform((s, ctx) => {
  const r = parseUscc(s)
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: usccErrorMessages[r.code] })
    return z.NEVER
  }
  return r.uscc
})

export const ZProviderServiceItemInput = z.object({
  itemCode: z.string().trim().min(1, '请选择服务项目').max(40),
  priceFen: z.number({ message: '价格应为以分为单位的整数' }).int('价格应为以分为单位的整数').min(0, '价格不能为负'),
  reason: z.string().trim().max(200).nullable().optional(),
})

export const ZRegisterProvider = z.object({
  name: z.string().trim().min(2, '请填写服务商名称').max(100),
  uscc: ZUscc,
  legalRepresentative: z.string().trim().min(1, '请填写法定代表人').max(50),
  contactPhone: z.string().trim().max(30).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  regionCode,
  kind: z.enum(['home_care', 'canteen']).default('home_care'),
  serviceArea: z.array(regionCode).min(1, '请至少选择一个服务区域').max(50),
  serviceItems: z.array(ZProviderServiceItemInput).max(100).default([]),
  /** The service site, WGS-84 (issue 20 item 1); both or neither. */
  siteLat: z.number('纬度应为数字').min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间').nullish(),
  siteLng: z.number('经度应为数字').min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间').nullish(),
})
export type TRegisterProvider = z.infer<typeof ZRegisterProvider>

export const ZResubmitProvider = ZRegisterProvider.omit({ regionCode: true }).extend({ version: z.number().int() })
export type TResubmitProvider = z.infer<typeof ZResubmitProvider>

export const ZReviewProvider = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(500).nullable().optional() }),
  z.object({ decision: z.enum(['return', 'reject']), reason: z.string().trim().min(2, '请填写退回或不予登记的原因').max(500) }),
])
export type TReviewProvider = z.infer<typeof ZReviewProvider>

export const ZProviderStatusChange = z.object({
  action: z.enum(['suspend', 'resume', 'exit']),
  reason: z.string().trim().min(2, '请填写原因').max(500),
})
export type TProviderStatusChange = z.infer<typeof ZProviderStatusChange>

export const ZFindProviders = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(providerStatuses).optional(),
  kind: z.enum(['home_care', 'canteen']).optional(),
  regionCode: regionCode.optional(),
})
export type TFindProviders = z.infer<typeof ZFindProviders>

export const ZProviderSummary = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(['home_care', 'canteen']),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(providerStatuses),
  legalRepresentative: z.string().nullable(),
  starRating: z.number().int().nullable(),
  caregiverCount: z.number().int(),
  updatedAt: z.string(),
})
export type TProviderSummary = z.infer<typeof ZProviderSummary>

export const ZProviderServiceItem = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  priceFen: z.number().int(),
  standardPriceFen: z.number().int(),
  reason: z.string().nullable(),
})

export const ZProviderDetail = ZProviderSummary.extend({
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  serviceArea: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  serviceItems: z.array(ZProviderServiceItem),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  siteLat: z.number().nullable(),
  siteLng: z.number().nullable(),
  version: z.number().int(),
  creditPoints: z.number().int(),
  actions: z.array(z.string()),
})
export type TProviderDetail = z.infer<typeof ZProviderDetail>

export const ZDirectoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['home_care', 'canteen']),
  regionName: z.string().nullable(),
  starRating: z.number().int().nullable(),
  serviceItems: z.array(z.object({ itemName: z.string(), priceFen: z.number().int() })),
  areaNames: z.array(z.string()),
})

export const ZCreditRecordInput = z.object({
  kind: z.enum(['complaint_upheld', 'violation', 'commendation', 'inspection']),
  points: z.number().int('分值应为整数').min(-100).max(100),
  note: z.string().trim().min(2, '请填写事由').max(500),
  orderId: uuid.nullable().optional(),
})
export type TCreditRecordInput = z.infer<typeof ZCreditRecordInput>
export const ZCreditRecord = z.object({
  id: z.number().int(),
  kind: z.enum(['complaint_upheld', 'violation', 'commendation', 'inspection']),
  points: z.number().int(),
  note: z.string(),
  orderId: z.string().nullable(),
  recordedAt: z.string(),
})

// ---------- caregivers ----------

export const ZCreateCaregiver = z.object({
  providerId: uuid,
  name: z.string().trim().min(2, '请填写姓名').max(30),
  idNumber: z.string().trim().min(1, '请填写身份证号'),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为11位数字')
    .nullable()
    .optional(),
  skills: z.array(z.enum(caregiverSkills)).max(caregiverSkills.length).default([]),
  trainingHours: z.number().int().min(0).max(10000).default(0),
  shift: z.string().trim().max(50).nullable().optional(),
  homeLat: z.number().min(-90).max(90).nullable().optional(),
  homeLng: z.number().min(-180).max(180).nullable().optional(),
  userId: uuid.nullable().optional(),
})
export type TCreateCaregiver = z.infer<typeof ZCreateCaregiver>

export const ZAddCertificate = z.object({
  number: z.string().trim().min(2, '请填写证书编号').max(50),
  level: z.enum(certificateLevels),
  skill: z.enum(caregiverSkills),
  expiresOn: dateStr,
})
export type TAddCertificate = z.infer<typeof ZAddCertificate>

export const ZBackgroundCheck = z.object({ result: z.enum(backgroundCheckResults), checkedOn: dateStr })
export type TBackgroundCheck = z.infer<typeof ZBackgroundCheck>

export const ZFindCaregivers = ZPageQuery.extend({
  q: z.string().trim().max(30).optional(),
  providerId: uuid.optional(),
  certificate: z.enum(['expired', 'expiring', 'none']).optional(),
})
export type TFindCaregivers = z.infer<typeof ZFindCaregivers>

export const ZCertificate = z.object({
  id: z.string(),
  number: z.string(),
  level: z.string(),
  skill: z.string(),
  expiresOn: z.string(),
  state: z.enum(['expired', 'expiring', 'valid']),
})
export const ZCaregiverSummary = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  trainingHours: z.number().int(),
  backgroundCheck: z.enum(backgroundCheckResults),
  backgroundCheckDate: z.string().nullable(),
  shift: z.string().nullable(),
  certificates: z.array(ZCertificate),
  /** The worst certificate state, for the expiry warning column. */
  certificateState: z.enum(['expired', 'expiring', 'valid', 'none']),
  status: z.enum(['active', 'left']),
  version: z.number().int(),
})
export type TCaregiverSummary = z.infer<typeof ZCaregiverSummary>

export const ZDueCertificate = ZCertificate.extend({ caregiverId: z.string(), caregiverName: z.string(), providerName: z.string().nullable() })
