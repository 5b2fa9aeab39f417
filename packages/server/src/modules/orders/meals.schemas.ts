import { mealTimes, orderFlagStatuses, orderFlags } from '@yiyang/core'
import { z } from 'zod'
import { pageOf, ZPageQuery } from '../../platform/list.js'

const dateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const uuid = z.uuid({ message: '编号格式不正确' })

/** The canteen of the signed-in counter: name, central kitchen, today's menu. */
export const ZMenuItem = z.object({ itemCode: z.string(), itemName: z.string(), priceFen: z.number().int() })
export const ZCanteen = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  supplierName: z.string().nullable(),
  serviceDate: z.string(),
  mealTime: z.enum(mealTimes),
  menu: z.array(ZMenuItem),
})
export type TCanteen = z.infer<typeof ZCanteen>

/** What the elder shows at the counter: an ID number or a phone number (any width, any separators). */
export const ZMealLookup = z.object({ text: z.string().trim().min(4, '请输入身份证号或手机号').max(40, '输入过长') })
export const ZMealQuote = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  selfPayFen: z.number().int(),
})
export const ZMealElderCard = z.object({
  elderId: z.string(),
  nameMasked: z.string(),
  idMasked: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  /** The subsidy tier's label, or null (no subsidy). */
  tierLabel: z.string().nullable(),
  categoryLabels: z.array(z.string()),
  /** Meal times already served today (a second one is refused). */
  servedToday: z.array(z.enum(mealTimes)),
  quotes: z.array(ZMealQuote),
})
export const ZMealLookupResult = z.object({ items: z.array(ZMealElderCard) })
export type TMealElderCard = z.infer<typeof ZMealElderCard>

export const ZServeMeal = z.object({
  elderId: uuid,
  itemCode: z.string().trim().min(1, '请选择餐品').max(40),
  mealTime: z.enum(mealTimes, { message: '请选择午餐或晚餐' }),
  /** One key per tap of 确认用餐: a repeat with the same key returns the first meal. */
  idempotencyKey: z.string().trim().min(8, '操作标识过短').max(100),
})
export type TServeMeal = z.infer<typeof ZServeMeal>
export const ZMealReceipt = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  canteenName: z.string(),
  nameMasked: z.string(),
  serviceDate: z.string(),
  mealTime: z.enum(mealTimes),
  itemName: z.string(),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  selfPayFen: z.number().int(),
  basis: z.string(),
  servedAt: z.string(),
  /** True when this answer is the first tap's meal (a double tap). */
  repeated: z.boolean(),
})
export type TMealReceipt = z.infer<typeof ZMealReceipt>

export const ZMealCountsQuery = z.object({ date: dateStr, providerId: uuid.optional() })
export const ZMealCountRow = z.object({
  providerId: z.string(),
  providerName: z.string(),
  mealTime: z.enum(mealTimes),
  subsidised: z.number().int(),
  unsubsidised: z.number().int(),
  total: z.number().int(),
  subsidyFen: z.number().int(),
  selfPayFen: z.number().int(),
})
export const ZMealCounts = z.object({ date: z.string(), rows: z.array(ZMealCountRow) })
export type TMealCounts = z.infer<typeof ZMealCounts>

export const ZCanteenStatementQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'), providerId: uuid.optional() })
export type TCanteenStatementQuery = z.infer<typeof ZCanteenStatementQuery>
export const ZCanteenStatementRow = z.object({
  providerId: z.string(),
  providerName: z.string(),
  supplierName: z.string().nullable(),
  meals: z.number().int(),
  subsidisedMeals: z.number().int(),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  selfPayFen: z.number().int(),
})
export const ZCanteenStatement = z.object({ month: z.string(), rows: z.array(ZCanteenStatementRow) })
export type TCanteenStatement = z.infer<typeof ZCanteenStatement>

export const ZFindOrderFlags = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(orderFlagStatuses).optional(),
  flag: z.enum(orderFlags).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '区划代码应为12位数字')
    .optional(),
})
export type TFindOrderFlags = z.infer<typeof ZFindOrderFlags>
export const ZOrderFlagItem = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  orderStatus: z.string(),
  elderNameMasked: z.string(),
  itemName: z.string(),
  serviceDate: z.string(),
  providerName: z.string(),
  regionName: z.string(),
  flag: z.enum(orderFlags),
  detail: z.string().nullable(),
  status: z.enum(orderFlagStatuses),
  version: z.number().int(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolveNote: z.string().nullable(),
})
export type TOrderFlagItem = z.infer<typeof ZOrderFlagItem>
export const ZOrderFlagPage = pageOf(ZOrderFlagItem)
export const ZResolveFlag = z.object({ note: z.string().trim().min(2, '请填写处理意见').max(500), version: z.number().int().optional() })
export type TResolveFlag = z.infer<typeof ZResolveFlag>
export const ZResolvedFlag = z.object({ id: z.string(), status: z.enum(orderFlagStatuses), orderId: z.string(), orderStatus: z.string() })
