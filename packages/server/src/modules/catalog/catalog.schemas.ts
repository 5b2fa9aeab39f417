import { catalogChangeKinds, catalogEditionStatuses, catalogItemCodePattern, serviceCategories, servicePayers, serviceUnits } from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

const ZRegionCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字')
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

export const ZFindEditions = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(catalogEditionStatuses).optional(),
  regionCode: ZRegionCode.optional(),
})
export type TFindEditions = z.infer<typeof ZFindEditions>

export const ZEdition = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number(),
  versionLabel: z.string(),
  title: z.string(),
  status: z.enum(catalogEditionStatuses),
  effectiveDate: z.string().nullable(),
  basedOnId: z.string().nullable(),
  basedOnLabel: z.string().nullable(),
  note: z.string(),
  itemCount: z.number(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** The edition in force today for its issuing region. */
  inForce: z.boolean(),
  /** The actor may edit or publish it (a draft of a region in their scope, catalog:manage). */
  canManage: z.boolean(),
})
export type TEditionOut = z.infer<typeof ZEdition>

export const ZTarget = z.object({
  categories: z.array(z.string().max(40)).max(30).default([]),
  rule: z.unknown().nullable().default(null),
})

export const ZItemContent = z.object({
  name: z.string().trim().min(2, '请填写项目名称').max(60, '项目名称不超过60字'),
  category: z.enum(serviceCategories, { message: '请选择服务类别' }),
  content: z.string().trim().max(1000, '服务内容不超过1000字').default(''),
  standard: z.string().trim().max(1000, '服务标准不超过1000字').default(''),
  unit: z.enum(serviceUnits, { message: '请选择计价单位' }),
  priceFen: z.number({ message: '请填写价格' }).int('价格以分为单位，应为整数').min(0, '价格不能为负').max(100_000_000, '价格过大'),
  target: ZTarget.default({ categories: [], rule: null }),
  payer: z.enum(servicePayers, { message: '请选择支付责任' }),
  legalBasis: z.string().trim().max(500, '政策依据不超过500字').default(''),
})
const ZReason = z.string().trim().max(300, '变更原因不超过300字').default('')
export const ZAddItem = ZItemContent.extend({
  code: z.string().trim().regex(catalogItemCodePattern, '项目编码为2–32位大写字母、数字或短横线，如 ZC-001'),
  reason: ZReason,
})
export const ZUpdateItem = ZItemContent.extend({ reason: ZReason })
export const ZRemoveItem = z.object({ reason: ZReason })
export const ZItemCodeParam = z.object({ id: z.uuid({ message: '编号格式不正确' }), code: z.string().regex(catalogItemCodePattern, '项目编码格式不正确') })

export const ZItem = z.object({
  id: z.string(),
  editionId: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.enum(serviceCategories),
  content: z.string(),
  standard: z.string(),
  unit: z.enum(serviceUnits),
  priceFen: z.number(),
  target: z.object({ categories: z.array(z.string()), rule: z.unknown() }),
  targetText: z.string(),
  payer: z.enum(servicePayers),
  legalBasis: z.string(),
  change: z.enum(catalogChangeKinds),
  reason: z.string(),
  updatedAt: z.string(),
})
export type TItemOut = z.infer<typeof ZItem>

export const ZFindItems = ZPageQuery.extend({
  q: z.string().trim().max(50).optional(),
  category: z.enum(serviceCategories).optional(),
  /** Removed items (tombstones of a draft) are listed only when asked. */
  withRemoved: z.enum(['true', 'false']).optional(),
})
export type TFindItems = z.infer<typeof ZFindItems>

export const ZCreateEdition = z.object({
  regionCode: ZRegionCode.optional(),
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  basedOnId: z.uuid({ message: '基于版本的编号格式不正确' }).optional(),
  title: z.string().trim().min(4, '清单名称至少4个字').max(80).optional(),
  note: z.string().trim().max(500).default(''),
})

export const ZPublish = z.object({ effectiveDate: ZDate, version: z.number().int().min(1) })
export const ZDiscard = z.object({ version: z.number().int().min(1) })

export const ZDiffQuery = z.object({ from: z.uuid({ message: '请选择对比的旧版本' }), to: z.uuid({ message: '请选择对比的新版本' }) })
const ZDiffEntry = z.object({ code: z.string(), name: z.string(), reason: z.string() })
export const ZDiff = z.object({
  from: ZEdition,
  to: ZEdition,
  added: z.array(ZDiffEntry.extend({ summary: z.string() })),
  removed: z.array(ZDiffEntry.extend({ summary: z.string() })),
  changed: z.array(
    ZDiffEntry.extend({
      fields: z.array(z.object({ field: z.string(), label: z.string(), old: z.unknown(), new: z.unknown(), oldText: z.string(), newText: z.string() })),
    }),
  ),
  unchanged: z.number(),
})

export const ZPublicQuery = ZPageQuery.extend({
  regionCode: ZRegionCode.optional(),
  q: z.string().trim().max(50).optional(),
  category: z.enum(serviceCategories).optional(),
})
export type TPublicQuery = z.infer<typeof ZPublicQuery>
export const ZPublicItem = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(serviceCategories),
  content: z.string(),
  standard: z.string(),
  unit: z.enum(serviceUnits),
  priceFen: z.number(),
  targetText: z.string(),
  payer: z.enum(servicePayers),
  legalBasis: z.string(),
})
export const ZPublicCatalog = z.object({
  edition: z.object({ title: z.string(), versionLabel: z.string(), regionCode: z.string(), regionName: z.string(), effectiveDate: z.string() }).nullable(),
  items: z.array(ZPublicItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** How many items each category has in the whole edition (for the filter chips). */
  categoryCounts: z.record(z.string(), z.number()),
})
export const ZPublicRegions = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) })
