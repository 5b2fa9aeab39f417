/**
 * Benefit programmes as data (issue 17 item 2, domain.md §6). A bureau admin edits them; core
 * validates them (Chinese errors with the path) and evaluates them (eligibility.ts). The
 * eligibility rule is the project's one rule language (worklist-rules.ts); the children of its
 * top-level `all` are the clauses people read, each with its own `label`.
 */
import { elderCategories, elderCategoryLabels, elderStatuses, elderStatusLabels, hukouTypeLabels, hukouTypes } from '../categories.js'
import { validateRule, type TRule, type TRuleError, type TRuleFields } from '../worklist-rules.js'

export const benefitDeliveries = ['cash', 'service_credits', 'vouchers'] as const
export type TBenefitDelivery = (typeof benefitDeliveries)[number]
export const benefitDeliveryLabels = {
  cash: '现金',
  service_credits: '服务额度',
  vouchers: '消费券',
} as const satisfies Record<TBenefitDelivery, string>

export const fundSources = ['fiscal', 'welfare_lottery'] as const
export type TFundSource = (typeof fundSources)[number]
export const fundSourceLabels = { fiscal: '财政资金', welfare_lottery: '福彩公益金' } as const satisfies Record<TFundSource, string>

export const amountPicks = ['first', 'highest'] as const
export type TAmountPick = (typeof amountPicks)[number]
export const amountPickLabels = { first: '按顺序取第一个符合的档次', highest: '取符合档次中的最高金额' } as const satisfies Record<TAmountPick, string>

/** A tier without `when` always matches (a flat amount). */
export type TAmountTier = { when?: TRule; amountFen: number }
export type TAmountRule = { pick: TAmountPick; tiers: readonly TAmountTier[] }

export type TProgramme = {
  code: string
  name: string
  delivery: TBenefitDelivery
  /** Exclusivity group (择高申领): of one group an elder holds only the highest amount. */
  group: string | null
  eligibility: TRule
  amount: TAmountRule
  needsAssessment: boolean
  homeVerification: boolean
  /** 公示 on/off and its length in calendar days. */
  notice: { enabled: boolean; days: number }
  /** Working days allowed per application step (accept, verify, assess, street_review, approve …). */
  deadlines: Readonly<Record<string, number>>
  fundSource: TFundSource
  reviewCycleMonths: number
  /** Plain-language rules for the public page. */
  summary: string
  /** Policy basis (政策依据). */
  basis: string
  /** Service credits / vouchers not spent by month end carry over (default: they lapse, domain.md §6 [OPEN]). */
  creditsCarryOver?: boolean
}

const labelsOf = (ids: readonly string[], labels: Readonly<Record<string, string>>) => Object.fromEntries(ids.map((id) => [id, labels[id]]))

/** Facts a programme rule may read. `age` is the payment-month age (eligibility.ts). */
export const programmeFields = {
  age: { type: 'number', label: '年龄', unit: '周岁' },
  hukou: { type: 'string', label: '户籍', values: labelsOf(hukouTypes, hukouTypeLabels) },
  status: { type: 'string', label: '状态', values: labelsOf(elderStatuses, elderStatusLabels) },
  categories: { type: 'string_array', label: '老年人类别', values: labelsOf(elderCategories, elderCategoryLabels) },
  abilityLevel: { type: 'number', label: '能力等级（GB/T 42195）', unit: '级' },
} as const satisfies TRuleFields

export const PROGRAMME_CODE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/
const MAX_AMOUNT_FEN = 10_000_000 // 10 万元 a month: anything above is a typing error

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max

export type TProgrammeValidation = { ok: true; programme: TProgramme } | { ok: false; errors: TRuleError[] }

/** Validates an untrusted programme (seed file, admin edit). Every problem comes back with its path. */
export function validateProgramme(x: unknown): TProgrammeValidation {
  const errors: TRuleError[] = []
  const err = (path: string, message: string) => errors.push({ path, message })
  if (!isObject(x)) return { ok: false, errors: [{ path: '(根)', message: '补贴项目必须是对象' }] }
  const known = [
    'code',
    'name',
    'delivery',
    'group',
    'eligibility',
    'amount',
    'needsAssessment',
    'homeVerification',
    'notice',
    'deadlines',
    'fundSource',
    'reviewCycleMonths',
    'summary',
    'basis',
    'creditsCarryOver',
  ]
  const extra = Object.keys(x).filter((k) => !known.includes(k))
  if (extra.length) err('(根)', `多余的键：${extra.join(', ')}`)
  if (typeof x.code !== 'string' || !PROGRAMME_CODE_PATTERN.test(x.code)) err('code', '项目代码应为 2–40 位小写字母、数字或连字符，以字母开头')
  if (!isText(x.name, 60)) err('name', '项目名称应为 1–60 个字')
  if (!(benefitDeliveries as readonly unknown[]).includes(x.delivery)) err('delivery', `发放方式应为：${benefitDeliveries.join('、')}`)
  if (!(x.group === null || isText(x.group, 40))) err('group', '互斥组应为空或 1–40 个字符')
  const rule = validateRule(x.eligibility, programmeFields)
  if (!rule.ok) for (const e of rule.errors) err(`eligibility.${e.path}`, e.message)
  if (!isObject(x.amount)) err('amount', '金额规则必须是对象')
  else {
    if (!(amountPicks as readonly unknown[]).includes(x.amount.pick)) err('amount.pick', '取档方式应为 first 或 highest')
    const tiers = x.amount.tiers
    if (!Array.isArray(tiers) || tiers.length === 0 || tiers.length > 20) err('amount.tiers', '金额档次应为 1–20 个')
    else
      tiers.forEach((t: unknown, i) => {
        const at = `amount.tiers[${i}]`
        if (!isObject(t)) return err(at, '每个档次都必须是对象')
        if (!isInt(t.amountFen, 0, MAX_AMOUNT_FEN)) err(`${at}.amountFen`, `月金额应为 0–${MAX_AMOUNT_FEN} 的整数（单位：分）`)
        if (t.when !== undefined) {
          const w = validateRule(t.when, programmeFields)
          if (!w.ok) for (const e of w.errors) err(`${at}.when.${e.path}`, e.message)
        }
        const extraT = Object.keys(t).filter((k) => k !== 'when' && k !== 'amountFen')
        if (extraT.length) err(at, `多余的键：${extraT.join(', ')}`)
      })
  }
  if (typeof x.needsAssessment !== 'boolean') err('needsAssessment', '是否需要能力评估应为 true 或 false')
  if (typeof x.homeVerification !== 'boolean') err('homeVerification', '是否入户核查应为 true 或 false')
  if (!isObject(x.notice) || typeof x.notice.enabled !== 'boolean' || !isInt(x.notice.days, 1, 30)) {
    err('notice', '公示设置应为 { enabled: true/false, days: 1–30 }')
  }
  if (!isObject(x.deadlines) || !Object.values(x.deadlines).every((d) => isInt(d, 1, 60))) err('deadlines', '各环节时限应为 1–60 个工作日')
  if (!(fundSources as readonly unknown[]).includes(x.fundSource)) err('fundSource', `资金来源应为：${fundSources.join('、')}`)
  if (!isInt(x.reviewCycleMonths, 1, 36)) err('reviewCycleMonths', '复核周期应为 1–36 个月')
  if (!isText(x.summary, 2000)) err('summary', '政策说明应为 1–2000 个字')
  if (!(typeof x.basis === 'string' && x.basis.length <= 500)) err('basis', '政策依据最多 500 个字')
  if (x.creditsCarryOver !== undefined && typeof x.creditsCarryOver !== 'boolean') err('creditsCarryOver', '未用额度是否结转应为 true 或 false')
  return errors.length ? { ok: false, errors } : { ok: true, programme: x as unknown as TProgramme }
}

/** Validates a whole programme list: each one, plus unique codes. */
export function validateProgrammes(list: unknown): { ok: true; programmes: TProgramme[] } | { ok: false; errors: TRuleError[] } {
  if (!Array.isArray(list) || list.length === 0) return { ok: false, errors: [{ path: '(根)', message: '补贴项目清单应为非空数组' }] }
  const errors: TRuleError[] = []
  const seen = new Set<string>()
  list.forEach((p, i) => {
    const v = validateProgramme(p)
    if (!v.ok) for (const e of v.errors) errors.push({ path: `[${i}].${e.path}`, message: e.message })
    else if (seen.has(v.programme.code)) errors.push({ path: `[${i}].code`, message: `项目代码重复：${v.programme.code}` })
    else seen.add(v.programme.code)
  })
  return errors.length ? { ok: false, errors } : { ok: true, programmes: list as TProgramme[] }
}
