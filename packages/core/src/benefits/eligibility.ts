/**
 * Eligibility and monthly amount of benefit programmes for one elder and one payment month
 * (issue 17, domain.md §6), with the reasons clause by clause and 择高申领 across a group.
 */
import { ageOn, daysInMonth, isDateString } from '../dates.js'
import { elderStatuses, hukouTypes, typedElderCategories, type TElderStatus, type THukouType } from '../categories.js'
import { evaluateClauses, evaluateRule, type TRuleClause, type TRuleFacts } from '../worklist-rules.js'
import { programmeFields, type TProgramme } from './programme.js'

export type TEligibilityFacts = {
  id: string
  birthDate: string
  hukou: THukouType
  status: TElderStatus
  categories: readonly string[]
  /** GB/T 42195 level 0–4 of the effective assessment, or null when none. */
  abilityLevel: number | null
}

export type TClause = TRuleClause
export type TProgrammeEvaluation = { program: string; eligible: boolean; amountFen: number; clauses: TClause[] }
export type TProgrammeResult = TProgrammeEvaluation & { chosen: boolean }

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
export const isPaymentMonth = (v: unknown): v is string => typeof v === 'string' && MONTH.test(v)

/** The last calendar day of the month before `month` ("YYYY-MM"), the day payment-month facts are read on. */
export function factDayForMonth(month: string): string {
  const m = MONTH.exec(month)
  if (!m) throw new RangeError(`发放月份格式应为 YYYY-MM：${month}`)
  let y = Number(m[1])
  let mo = Number(m[2]) - 1
  if (mo === 0) {
    y -= 1
    mo = 12
  }
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(daysInMonth(y, mo)).padStart(2, '0')}`
}

/**
 * Age for payment month M: whole years on the last day of M−1, so a new band starts the month
 * after the birthday month (born 29 February: the birthday is 1 March in common years, ageOn).
 */
export function paymentAge(birthDate: string, month: string): number {
  return ageOn(birthDate, factDayForMonth(month))
}

/** The facts a programme rule reads, for payment month `month`. */
export function programmeRuleFacts(facts: TEligibilityFacts, month: string): TRuleFacts {
  return {
    age: paymentAge(facts.birthDate, month),
    hukou: facts.hukou,
    status: facts.status,
    categories: facts.categories,
    abilityLevel: facts.abilityLevel,
  }
}

/** One programme, without exclusivity. Not eligible means amount 0. */
export function evaluateProgramme(p: TProgramme, facts: TEligibilityFacts, month: string): TProgrammeEvaluation {
  const day = factDayForMonth(month)
  const ruleFacts = programmeRuleFacts(facts, month)
  const clauses = evaluateClauses(p.eligibility, ruleFacts, day, programmeFields)
  let eligible = clauses.every((c) => c.met)
  let amountFen = 0
  if (eligible) {
    const matching = p.amount.tiers.filter((t) => t.when === undefined || evaluateRule(t.when, ruleFacts, day, programmeFields).matched)
    if (matching.length === 0) {
      // Eligible by the clauses but no tier pays: say so rather than report 0 as a benefit.
      eligible = false
      clauses.push({ text: '符合任一金额档次', met: false })
    } else {
      amountFen = p.amount.pick === 'first' ? matching[0].amountFen : Math.max(...matching.map((t) => t.amountFen))
    }
  }
  return { program: p.code, eligible, amountFen, clauses }
}

/**
 * Every programme for one elder and month, in programme order. Of the programmes of one group
 * only the eligible one with the highest amount is chosen (a tie goes to the one listed first);
 * the others stay `eligible` with their own amount and `chosen: false`.
 */
export function evaluateProgrammes(programmes: readonly TProgramme[], facts: TEligibilityFacts, month: string): TProgrammeResult[] {
  const results = programmes.map((p) => evaluateProgramme(p, facts, month))
  const winner = new Map<string, number>()
  programmes.forEach((p, i) => {
    if (p.group === null || !results[i].eligible) return
    const best = winner.get(p.group)
    if (best === undefined || results[i].amountFen > results[best].amountFen) winner.set(p.group, i)
  })
  return results.map((r, i) => {
    const group = programmes[i].group
    // Key order as the CLI's fixed interface prints it.
    return {
      program: r.program,
      eligible: r.eligible,
      amountFen: r.amountFen,
      chosen: r.eligible && (group === null || winner.get(group) === i),
      clauses: r.clauses,
    }
  })
}

/**
 * Validates an untrusted list of facts (the eligibility CLI's file). Returns the first problem as
 * one Chinese line naming the element and field.
 */
export function parseEligibilityFacts(x: unknown): { ok: true; facts: TEligibilityFacts[] } | { ok: false; message: string } {
  if (!Array.isArray(x)) return { ok: false, message: '文件内容应为 JSON 数组' }
  const ids = new Set<string>()
  for (let i = 0; i < x.length; i++) {
    const f: unknown = x[i]
    const at = (field: string) => `第 ${i + 1} 个元素的 ${field}`
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return { ok: false, message: `第 ${i + 1} 个元素应为对象` }
    const o = f as Record<string, unknown>
    if (typeof o.id !== 'string' || o.id === '') return { ok: false, message: `${at('id')}应为非空字符串` }
    if (ids.has(o.id)) return { ok: false, message: `${at('id')}重复：${o.id}` }
    ids.add(o.id)
    if (!isDateString(o.birthDate)) return { ok: false, message: `${at('birthDate')}应为有效日期 YYYY-MM-DD` }
    if (!(hukouTypes as readonly unknown[]).includes(o.hukou)) return { ok: false, message: `${at('hukou')}应为 local 或 non_local` }
    if (!(elderStatuses as readonly unknown[]).includes(o.status)) return { ok: false, message: `${at('status')}应为 active、deceased 或 moved_out` }
    if (!Array.isArray(o.categories)) return { ok: false, message: `${at('categories')}应为数组` }
    const bad = o.categories.find((c) => !(typedElderCategories as readonly unknown[]).includes(c))
    if (bad !== undefined) return { ok: false, message: `${at('categories')}含未知类别代码：${String(bad)}` }
    if (!(o.abilityLevel === null || (typeof o.abilityLevel === 'number' && Number.isInteger(o.abilityLevel) && o.abilityLevel >= 0 && o.abilityLevel <= 4))) {
      return { ok: false, message: `${at('abilityLevel')}应为 0–4 的整数或 null` }
    }
  }
  return { ok: true, facts: x as TEligibilityFacts[] }
}
