import { complaintSources, complaintStatuses, starIndicators, starRatingStatuses } from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

const uuid = z.uuid({ message: '编号格式不正确' })
const regionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')

// ── service record photos ──
export const ZPhotoUploadQuery = z.object({ idempotencyKey: z.string().trim().min(8, '操作标识过短').max(100) })
export const ZOrderPhoto = z.object({ id: z.string(), orderId: z.string(), fileType: z.string(), bytes: z.number().int(), uploadedAt: z.string() })
export type TOrderPhoto = z.infer<typeof ZOrderPhoto>
export const ZOrderPhotoParams = z.object({ id: uuid, photoId: uuid })

// ── complaints ──
export const ZLodgeComplaint = z.object({
  source: z.enum(complaintSources, { message: '请选择投诉来源' }),
  content: z.string().trim().min(5, '请写明投诉内容（至少5个字）').max(1000, '投诉内容不超过1000字'),
})
export type TLodgeComplaint = z.infer<typeof ZLodgeComplaint>
export const ZComplaintVersion = z.object({ version: z.number().int().optional() })
export const ZUpholdComplaint = z.object({
  version: z.number().int().optional(),
  finding: z.string().trim().min(2, '请填写调查结论').max(1000),
  points: z.number({ message: '扣分应为整数' }).int('扣分应为整数').min(-50, '单次扣分不超过50分').max(-1, '投诉成立应扣分（负数）').optional(),
})
export type TUpholdComplaint = z.infer<typeof ZUpholdComplaint>
export const ZDismissComplaint = z.object({ version: z.number().int().optional(), finding: z.string().trim().min(2, '请填写调查结论').max(1000) })
export type TDismissComplaint = z.infer<typeof ZDismissComplaint>
export const ZFindComplaints = ZPageQuery.extend({
  regionCode: regionCode.optional(),
  status: z.enum(complaintStatuses).optional(),
  providerId: uuid.optional(),
  orderId: uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
})
export type TFindComplaints = z.infer<typeof ZFindComplaints>
export const ZComplaint = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  source: z.enum(complaintSources),
  content: z.string(),
  status: z.enum(complaintStatuses),
  lodgedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  finding: z.string().nullable(),
  points: z.number().int().nullable(),
  creditRecordId: z.number().int().nullable(),
  handledAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
})
export type TComplaint = z.infer<typeof ZComplaint>

// ── KPIs ──
export const ZKpiQuery = z.object({ month, regionCode: regionCode.optional(), providerId: uuid.optional() })
export type TKpiQuery = z.infer<typeof ZKpiQuery>
const ZRatio = z.object({ numerator: z.number().int(), denominator: z.number().int(), value: z.number().nullable() })
export const ZOrderKpis = z.object({
  month: z.string(),
  certifiedRate: ZRatio.extend({ onDate: z.string() }),
  satisfactionRate: ZRatio.extend({ target: z.number(), meetsTarget: z.boolean().nullable() }),
  onTimeRate: ZRatio,
  complaintRate: ZRatio,
})
export type TOrderKpis = z.infer<typeof ZOrderKpis>

// ── star ratings ──
export const ZRunStarRating = z.object({ month })
export const ZFindStarRatings = ZPageQuery.extend({
  month: month.optional(),
  providerId: uuid.optional(),
  status: z.enum(starRatingStatuses).optional(),
  regionCode: regionCode.optional(),
})
export type TFindStarRatings = z.infer<typeof ZFindStarRatings>
export const ZConfirmStarRating = z.object({ version: z.number().int().optional() })
export const ZAdjustStarRating = z.object({
  version: z.number().int().optional(),
  stars: z.number({ message: '请选择星级' }).int('星级应为1到5').min(1, '星级应为1到5').max(5, '星级应为1到5'),
  reason: z.string().trim().min(5, '请写明调整理由（至少5个字）').max(500),
})
export type TAdjustStarRating = z.infer<typeof ZAdjustStarRating>
export const ZStarRating = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  regionCode: z.string(),
  month: z.string(),
  computedStars: z.number().int(),
  total: z.number(),
  cap: z.string().nullable(),
  indicators: z.array(
    z.object({
      key: z.enum(starIndicators),
      label: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
      score: z.number().nullable(),
      weight: z.number(),
      explanation: z.string(),
    }),
  ),
  status: z.enum(starRatingStatuses),
  finalStars: z.number().int().nullable(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
})
export type TStarRatingItem = z.infer<typeof ZStarRating>
