/**
 * The service list (服务清单, domain.md §7): editions issued by a region, draft → published with
 * an effective date; a published edition never changes, a change makes a new edition in which
 * every added, changed or removed item carries its reason. A child region's list holds every
 * item of the parent list in force (S003).
 */
import { elderCategoryLabels } from './categories.js'
import type { Flow } from './flow.js'
import { fenToYuanString } from './money.js'
import { describeRule, validateRule } from './worklist-rules.js'

/** 五助一护 first (S002), then the other kinds the seeds name (S000, S001, S003). */
export const serviceCategories = [
  'meal',
  'bath',
  'cleaning',
  'emergency',
  'medical',
  'nursing',
  'shopping_delivery',
  'device_rental',
  'family_bed',
  'home_adaptation',
  'care_visit',
  'day_care',
  'emotional_support',
  'health_management',
  'respite',
  'rehabilitation',
  'assessment',
  'hospice',
  'family_support',
  'other',
] as const
export type TServiceCategory = (typeof serviceCategories)[number]

export const serviceCategoryLabels = {
  meal: '助餐',
  bath: '助浴',
  cleaning: '助洁',
  emergency: '助急',
  medical: '助医',
  nursing: '护理',
  shopping_delivery: '代购配送',
  device_rental: '康复辅具租赁',
  family_bed: '家庭养老床位',
  home_adaptation: '适老化改造',
  care_visit: '探访关爱',
  day_care: '日间照料',
  emotional_support: '精神慰藉',
  health_management: '健康管理',
  respite: '喘息服务',
  rehabilitation: '康复护理',
  assessment: '能力评估',
  hospice: '安宁疗护',
  family_support: '家庭照护支持',
  other: '其他',
} as const satisfies Record<TServiceCategory, string>

/** The five aids and one care (五助一护) of S002, the core of the basic list. */
export const fiveAidsOneCare = ['meal', 'bath', 'cleaning', 'emergency', 'medical', 'nursing'] as const satisfies readonly TServiceCategory[]

export const serviceUnits = ['times', 'hour', 'meal', 'month', 'day', 'piece', 'household', 'bed_month', 'year'] as const
export type TServiceUnit = (typeof serviceUnits)[number]
export const serviceUnitLabels = {
  times: '次',
  hour: '小时',
  meal: '餐',
  month: '月',
  day: '天',
  piece: '件',
  household: '户',
  bed_month: '床·月',
  year: '年',
} as const satisfies Record<TServiceUnit, string>

/** 支付责任 (S003: every item states who pays). */
export const servicePayers = ['government', 'personal', 'shared', 'ltc_insurance'] as const
export type TServicePayer = (typeof servicePayers)[number]
export const servicePayerLabels = {
  government: '政府',
  personal: '个人',
  shared: '政府和个人分担',
  ltc_insurance: '长期护理保险基金',
} as const satisfies Record<TServicePayer, string>

export const catalogEditionStatuses = ['draft', 'published', 'discarded'] as const
export type TCatalogEditionStatus = (typeof catalogEditionStatuses)[number]
export const catalogEditionStatusLabels = {
  draft: '草稿',
  published: '已发布',
  discarded: '已作废',
} as const satisfies Record<TCatalogEditionStatus, string>

export const catalogEditionFlow = {
  /** The draft becomes the published list from its effective date; it never changes again. */
  publish: { from: ['draft'], to: 'published', permission: 'catalog:manage' },
  /** A draft given up before publication. */
  discard: { from: ['draft'], to: 'discarded', permission: 'catalog:manage' },
} as const satisfies Flow<TCatalogEditionStatus>
export type TCatalogEditionAction = keyof typeof catalogEditionFlow
export const catalogEditionActionLabels = { publish: '发布', discard: '作废草稿' } as const satisfies Record<TCatalogEditionAction, string>

/** How an item of an edition differs from the edition it was copied from. */
export const catalogChangeKinds = ['unchanged', 'added', 'changed', 'removed'] as const
export type TCatalogChangeKind = (typeof catalogChangeKinds)[number]
export const catalogChangeKindLabels = {
  unchanged: '未变',
  added: '新增',
  changed: '调整',
  removed: '删除',
} as const satisfies Record<TCatalogChangeKind, string>

/** Who an item is for: elder categories of core (any of them; empty means every elder), or a rule. */
export type TCatalogTarget = { categories: string[]; rule: unknown }

/** The fields of an item that make up its content (what a diff compares). */
export type TCatalogItemContent = {
  code: string
  name: string
  category: TServiceCategory
  content: string
  standard: string
  unit: TServiceUnit
  priceFen: number
  target: TCatalogTarget
  payer: TServicePayer
  legalBasis: string
}

export const catalogItemFieldLabels = {
  code: '项目编码',
  name: '项目名称',
  category: '服务类别',
  content: '服务内容',
  standard: '服务标准',
  unit: '计价单位',
  priceFen: '价格',
  target: '服务对象',
  payer: '支付责任',
  legalBasis: '政策依据',
} as const satisfies Record<keyof TCatalogItemContent, string>
export const catalogItemFields = Object.keys(catalogItemFieldLabels) as (keyof TCatalogItemContent)[]

/** Compared fields except the code (the key). */
const comparedFields = catalogItemFields.filter((f) => f !== 'code')

const same = (a: unknown, b: unknown) => JSON.stringify(normalize(a)) === JSON.stringify(normalize(b))
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalize((v as Record<string, unknown>)[k])]),
    )
  return v ?? null
}

/** Fields whose value differs between two versions of an item. */
export function changedItemFields(before: TCatalogItemContent, after: TCatalogItemContent): (keyof TCatalogItemContent)[] {
  return comparedFields.filter((f) => !same(before[f], after[f]))
}

export type TCatalogDiffItem = TCatalogItemContent & { reason?: string | null }
export type TCatalogFieldChange = { field: keyof TCatalogItemContent; label: string; old: unknown; new: unknown }
export type TCatalogDiff = {
  added: { code: string; name: string; item: TCatalogItemContent; reason: string }[]
  removed: { code: string; name: string; item: TCatalogItemContent; reason: string }[]
  changed: { code: string; name: string; fields: TCatalogFieldChange[]; reason: string }[]
  unchanged: number
}

/**
 * What changed from edition `from` to edition `to` (items in force only; removed tombstones are
 * passed as `removedReasons` of `to`). Items are matched by code; the reason is the one the newer
 * edition recorded for that code, or empty when the change happened in an edition in between.
 */
export function diffCatalogItems(
  from: readonly TCatalogDiffItem[],
  to: readonly TCatalogDiffItem[],
  removedReasons: Readonly<Record<string, string>> = {},
): TCatalogDiff {
  const a = new Map(from.map((i) => [i.code, i]))
  const b = new Map(to.map((i) => [i.code, i]))
  const diff: TCatalogDiff = { added: [], removed: [], changed: [], unchanged: 0 }
  const content = (i: TCatalogDiffItem): TCatalogItemContent => {
    const { reason: _reason, ...rest } = i
    void _reason
    return rest
  }
  for (const [code, item] of b) {
    const old = a.get(code)
    if (!old) {
      diff.added.push({ code, name: item.name, item: content(item), reason: item.reason ?? '' })
      continue
    }
    const fields = changedItemFields(old, item)
    if (fields.length === 0) diff.unchanged++
    else
      diff.changed.push({
        code,
        name: item.name,
        fields: fields.map((f) => ({ field: f, label: catalogItemFieldLabels[f], old: old[f], new: item[f] })),
        reason: item.reason ?? '',
      })
  }
  for (const [code, item] of a) {
    if (!b.has(code)) diff.removed.push({ code, name: item.name, item: content(item), reason: removedReasons[code] ?? '' })
  }
  const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code)
  diff.added.sort(byCode)
  diff.removed.sort(byCode)
  diff.changed.sort(byCode)
  return diff
}

/**
 * S003: a child region's list covers every item of the parent list in force. Returns the parent
 * items (code and name) the child list lacks, in the parent's order.
 */
export function missingParentItems(parent: readonly { code: string; name: string }[], childCodes: Iterable<string>): { code: string; name: string }[] {
  const have = new Set(childCodes)
  return parent.filter((p) => !have.has(p.code)).map((p) => ({ code: p.code, name: p.name }))
}

/** The Chinese error of a publish that misses parent items, listing them. */
export function missingParentItemsMessage(missing: readonly { code: string; name: string }[], parentTitle: string): string {
  const shown = missing
    .slice(0, 20)
    .map((m) => `${m.name}（${m.code}）`)
    .join('、')
  return `本清单未包含上级清单“${parentTitle}”中的 ${missing.length} 个服务项目：${shown}${missing.length > 20 ? ' 等' : ''}。下级清单须覆盖上级清单的全部项目`
}

const publishedTime = (e: TEditionCandidate) => (e.publishedAt ? new Date(e.publishedAt).getTime() : 0)

export type TEditionCandidate = { id: string; regionCode: string; status: string; effectiveDate: string | null; publishedAt?: Date | string | null }

/**
 * The edition in force on `date` for a region: the latest published edition whose effective date
 * is on or before the date, of the region itself or else of its nearest ancestor. `chain` lists
 * the region and its ancestors, nearest first. Ties on the date go to the later publication.
 */
export function pickEditionInForce<E extends TEditionCandidate>(editions: readonly E[], chain: readonly string[], date: string): E | null {
  for (const region of chain) {
    const own = editions
      .filter((e) => e.regionCode === region && e.status === 'published' && e.effectiveDate !== null && e.effectiveDate <= date)
      .sort((x, y) => (x.effectiveDate === y.effectiveDate ? publishedTime(y) - publishedTime(x) : x.effectiveDate! < y.effectiveDate! ? 1 : -1))
    if (own[0]) return own[0]
  }
  return null
}

/** Item codes: upper-case letters, digits and dashes, 2–32 characters (e.g. ZC-001). */
export const catalogItemCodePattern = /^[A-Z0-9][A-Z0-9-]{1,31}$/

/** Who an item is for, in words: "高龄、特困人员" or the rule's own Chinese text; empty means every elder. */
export function describeCatalogTarget(target: TCatalogTarget | null | undefined): string {
  const parts: string[] = []
  const cats = target?.categories ?? []
  if (cats.length) parts.push(cats.map((c) => (elderCategoryLabels as Record<string, string>)[c] ?? c).join('、'))
  if (target?.rule) {
    const v = validateRule(target.rule)
    parts.push(v.ok ? describeRule(v.rule) : '（规则无效）')
  }
  return parts.length ? parts.join('；或 ') : '辖区内全体老年人'
}

/** A field value of an item as a Chinese screen or the diff shows it. */
export function catalogFieldText(field: keyof TCatalogItemContent, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）'
  switch (field) {
    case 'priceFen':
      return typeof value === 'number' ? `${fenToYuanString(value)} 元` : String(value)
    case 'category':
      return (serviceCategoryLabels as Record<string, string>)[String(value)] ?? String(value)
    case 'unit':
      return (serviceUnitLabels as Record<string, string>)[String(value)] ?? String(value)
    case 'payer':
      return (servicePayerLabels as Record<string, string>)[String(value)] ?? String(value)
    case 'target':
      return describeCatalogTarget(value as TCatalogTarget)
    default:
      return String(value)
  }
}
