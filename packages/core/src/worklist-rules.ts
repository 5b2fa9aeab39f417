/**
 * Screening / proactive-discovery (主动发现) worklist rules kept as data (issue 4 item 7).
 * A bureau admin edits a small JSON rule; core validates it (Chinese errors) and evaluates it
 * against one elder's facts, with a short Chinese explanation.
 *
 *   { all: [ { field: 'age', op: 'gte', value: 80 },
 *            { field: 'livingArrangement', op: 'in', value: ['living_alone'] },
 *            { field: 'hasVisitPlan', op: 'eq', value: false } ] }
 */
import { daysBetween, isDateString, toShanghaiDate } from './dates.js'
import {
  elderCategories,
  elderCategoryLabels,
  elderStatusLabels,
  elderStatuses,
  hukouTypeLabels,
  hukouTypes,
  livingArrangementLabels,
  livingArrangements,
} from './categories.js'

export const ruleOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'withinDays', 'olderThanDays', 'isNull'] as const
export type TRuleOp = (typeof ruleOps)[number]

export type TRuleScalar = string | number | boolean | null
export type TRuleCondition = { field: string; op: TRuleOp; value?: TRuleScalar | readonly (string | number)[]; label?: string }
/**
 * `label` (any node) is the Chinese text people read for that node instead of the generated
 * description, e.g. "在册" for `status = active`; programmes use it for their clauses.
 */
export type TRule = { all: readonly TRule[]; label?: string } | { any: readonly TRule[]; label?: string } | { not: TRule; label?: string } | TRuleCondition

/** One elder's facts; dates are "YYYY-MM-DD" or ISO date-time strings. */
export type TRuleFacts = Readonly<Record<string, unknown>>

export type TRuleFieldType = 'number' | 'string' | 'boolean' | 'date' | 'string_array'
export type TRuleField = {
  type: TRuleFieldType
  label: string
  /** Unit shown after a number fact, e.g. 周岁. */
  unit?: string
  /** Allowed values (enums) with their Chinese labels. */
  values?: Readonly<Record<string, string>>
}
export type TRuleFields = Readonly<Record<string, TRuleField>>

const labelsOf = (ids: readonly string[], labels: Readonly<Record<string, string>>) => Object.fromEntries(ids.map((id) => [id, labels[id]]))

/** Facts the server provides for each elder when evaluating worklist rules. */
export const worklistFields = {
  age: { type: 'number', label: '年龄' },
  sex: { type: 'string', label: '性别', values: { male: '男', female: '女' } },
  livingArrangement: { type: 'string', label: '居住情况', values: labelsOf(livingArrangements, livingArrangementLabels) },
  hukou: { type: 'string', label: '户籍', values: labelsOf(hukouTypes, hukouTypeLabels) },
  status: { type: 'string', label: '状态', values: labelsOf(elderStatuses, elderStatusLabels) },
  categories: { type: 'string_array', label: '老年人类别', values: labelsOf(elderCategories, elderCategoryLabels) },
  abilityLevel: { type: 'number', label: '能力等级' },
  regionCode: { type: 'string', label: '所在区划代码' },
  hasVisitPlan: { type: 'boolean', label: '有探访计划' },
  hasFamilyDoctor: { type: 'boolean', label: '已签约家庭医生' },
  hasGuardian: { type: 'boolean', label: '有监护人或紧急联系人' },
  lastAssessmentDate: { type: 'date', label: '最近能力评估日期' },
  lastVisitDate: { type: 'date', label: '最近探访日期' },
  lastCategoryChangeAt: { type: 'date', label: '最近类别变更日期' },
  lastAlarmAt: { type: 'date', label: '最近告警日期' },
} as const satisfies TRuleFields
export type TWorklistField = keyof typeof worklistFields

const OP_TYPES: Record<TRuleOp, readonly TRuleFieldType[]> = {
  eq: ['number', 'string', 'boolean', 'date'],
  ne: ['number', 'string', 'boolean', 'date'],
  gt: ['number', 'date'],
  gte: ['number', 'date'],
  lt: ['number', 'date'],
  lte: ['number', 'date'],
  in: ['number', 'string'],
  contains: ['string_array'],
  withinDays: ['date'],
  olderThanDays: ['date'],
  isNull: ['number', 'string', 'boolean', 'date', 'string_array'],
}

const OP_LABELS: Record<TRuleOp, string> = {
  eq: '等于',
  ne: '不等于',
  gt: '大于',
  gte: '大于或等于',
  lt: '小于',
  lte: '小于或等于',
  in: '属于',
  contains: '包含',
  withinDays: '在最近若干天内',
  olderThanDays: '早于若干天前',
  isNull: '为空',
}
export const ruleOpLabels: Readonly<Record<TRuleOp, string>> = OP_LABELS
/** Which field types each operation applies to (the programme form builder offers only these). */
export const ruleOpFieldTypes: Readonly<Record<TRuleOp, readonly TRuleFieldType[]>> = OP_TYPES

const MAX_DEPTH = 8
const MAX_NODES = 100
const MAX_LABEL = 80

export type TRuleError = { path: string; message: string }
export type TRuleValidation = { ok: true; rule: TRule } | { ok: false; errors: TRuleError[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const typeName: Record<TRuleFieldType, string> = {
  number: '数字',
  string: '文本',
  boolean: '是/否',
  date: '日期（YYYY-MM-DD）',
  string_array: '文本',
}

function valueFits(field: TRuleField, v: unknown): boolean {
  switch (field.type) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'date':
      return isDateString(v)
    case 'string':
    case 'string_array':
      return typeof v === 'string' && (field.values === undefined || Object.hasOwn(field.values, v))
  }
}

/**
 * Validates an untrusted rule (e.g. edited by a bureau admin). Returns every problem with its
 * path and a Chinese message. No zod: core has no dependencies.
 */
export function validateRule(rule: unknown, fields: TRuleFields = worklistFields): TRuleValidation {
  const errors: TRuleError[] = []
  let nodes = 0
  const err = (path: string, message: string): void => {
    errors.push({ path: path || '(根)', message })
  }

  const visit = (node: unknown, path: string, depth: number): void => {
    nodes++
    if (nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) err(path, `规则过于复杂：最多 ${MAX_NODES} 个条件`)
      return
    }
    if (depth > MAX_DEPTH) return err(path, `规则嵌套过深：最多 ${MAX_DEPTH} 层`)
    if (!isObject(node)) return err(path, '每个条件都必须是对象')
    if ('label' in node && (typeof node.label !== 'string' || node.label.trim() === '' || node.label.length > MAX_LABEL)) {
      err(`${path}${path ? '.' : ''}label`, `说明文字应为 1–${MAX_LABEL} 个字`)
    }
    const keys = Object.keys(node).filter((k) => k !== 'label')
    const kinds = ['all', 'any', 'not', 'field'].filter((k) => k in node)
    if (kinds.length !== 1) return err(path, '条件必须且只能是 all（全部满足）、any（任一满足）、not（不满足）或字段条件之一')
    const kind = kinds[0]
    if (kind === 'all' || kind === 'any') {
      const extra = keys.filter((k) => k !== kind)
      if (extra.length) err(path, `多余的键：${extra.join(', ')}`)
      const list = node[kind]
      if (!Array.isArray(list)) return err(`${path}${path ? '.' : ''}${kind}`, `${kind} 必须是条件数组`)
      if (list.length === 0) return err(`${path}${path ? '.' : ''}${kind}`, `${kind} 至少需要一个条件`)
      list.forEach((child, i) => visit(child, `${path}${path ? '.' : ''}${kind}[${i}]`, depth + 1))
      return
    }
    if (kind === 'not') {
      const extra = keys.filter((k) => k !== 'not')
      if (extra.length) err(path, `多余的键：${extra.join(', ')}`)
      return visit(node.not, `${path}${path ? '.' : ''}not`, depth + 1)
    }
    // field condition
    const at = (k: string) => `${path}${path ? '.' : ''}${k}`
    const extra = keys.filter((k) => !['field', 'op', 'value'].includes(k))
    if (extra.length) err(path, `多余的键：${extra.join(', ')}`)
    const fieldName = node.field
    if (typeof fieldName !== 'string' || !Object.hasOwn(fields, fieldName)) {
      return err(at('field'), `未知字段：${String(fieldName)}；可用字段：${Object.keys(fields).join('、')}`)
    }
    const field = fields[fieldName]
    const op = node.op
    if (typeof op !== 'string' || !(ruleOps as readonly string[]).includes(op)) {
      return err(at('op'), `未知运算：${String(op)}；可用运算：${ruleOps.join('、')}`)
    }
    const o = op as TRuleOp
    if (!OP_TYPES[o].includes(field.type)) {
      return err(at('op'), `字段“${field.label}”不支持运算“${OP_LABELS[o]}”（${o}）`)
    }
    const v = node.value
    const badValue = (hint: string) => err(at('value'), `字段“${field.label}”的${OP_LABELS[o]}条件取值无效：${hint}`)
    switch (o) {
      case 'eq':
      case 'ne':
        if (v !== null && !valueFits(field, v)) badValue(`应为${typeName[field.type]}${enumHint(field)}或 null`)
        break
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (!valueFits(field, v)) badValue(`应为${typeName[field.type]}`)
        break
      case 'in':
        if (!Array.isArray(v) || v.length === 0 || !v.every((x) => valueFits(field, x))) {
          badValue(`应为非空的${typeName[field.type]}数组${enumHint(field)}`)
        }
        break
      case 'contains':
        if (!(Array.isArray(v) ? v.length > 0 && v.every((x) => valueFits(field, x)) : valueFits(field, v))) {
          badValue(`应为一个取值或非空取值数组${enumHint(field)}`)
        }
        break
      case 'withinDays':
      case 'olderThanDays':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 36600) badValue('应为 0–36600 的整数天数')
        break
      case 'isNull':
        if (v !== undefined && typeof v !== 'boolean') badValue('应省略，或为 true/false')
        break
    }
  }

  visit(rule, '', 0)
  return errors.length ? { ok: false, errors } : { ok: true, rule: rule as TRule }
}

function enumHint(field: TRuleField): string {
  if (!field.values) return ''
  const list = Object.keys(field.values)
  return list.length <= 12 ? `（可选：${list.join('、')}）` : ''
}

/** Thrown by {@link parseRule} for an invalid rule; `errors` lists every problem. */
export class RuleValidationError extends Error {
  override readonly name = 'RuleValidationError'
  constructor(readonly errors: TRuleError[]) {
    super(`规则无效：${errors.map((e) => `${e.path}：${e.message}`).join('；')}`)
  }
}

/** Validates or throws {@link RuleValidationError}. */
export function parseRule(rule: unknown, fields: TRuleFields = worklistFields): TRule {
  const r = validateRule(rule, fields)
  if (!r.ok) throw new RuleValidationError(r.errors)
  return r.rule
}

// ---------- description ----------

function valueText(field: TRuleField | undefined, v: unknown): string {
  if (v === null || v === undefined) return '空'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (Array.isArray(v)) return v.map((x) => valueText(field, x)).join('或')
  if (typeof v === 'string' && field?.values && Object.hasOwn(field.values, v)) return field.values[v]
  return String(v)
}

/** Chinese text of one condition, e.g. "年龄 ≥ 80", "居住情况为独居", "有探访计划：否". */
export function describeCondition(c: TRuleCondition, fields: TRuleFields = worklistFields): string {
  if (c.label) return c.label
  const field = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined
  const label = field?.label ?? c.field
  const v = valueText(field, c.value)
  switch (c.op) {
    case 'eq':
      return field?.type === 'boolean' ? `${label}：${v}` : c.value === null ? `${label}为空` : `${label}为${v}`
    case 'ne':
      return field?.type === 'boolean' ? `${label}：不为${v}` : c.value === null ? `${label}不为空` : `${label}不为${v}`
    case 'gt':
      return `${label} > ${v}`
    case 'gte':
      return `${label} ≥ ${v}`
    case 'lt':
      return `${label} < ${v}`
    case 'lte':
      return `${label} ≤ ${v}`
    case 'in':
      return `${label}为${v}`
    case 'contains':
      return `${label}包含${v}`
    case 'withinDays':
      return `${label}在最近${v}天内`
    case 'olderThanDays':
      return `${label}早于${v}天前`
    case 'isNull':
      return c.value === false ? `有${label}` : `无${label}`
  }
}

/** Chinese text of a whole rule, for the rule editor and the worklist header. */
export function describeRule(rule: TRule, fields: TRuleFields = worklistFields): string {
  if (rule.label) return rule.label
  if ('all' in rule) return rule.all.map((r) => wrap(r, fields)).join('，且')
  if ('any' in rule) return rule.any.map((r) => wrap(r, fields)).join('，或')
  if ('not' in rule) return `并非（${describeRule(rule.not, fields)}）`
  return describeCondition(rule, fields)
}
const wrap = (r: TRule, fields: TRuleFields) => ('all' in r || 'any' in r ? `（${describeRule(r, fields)}）` : describeRule(r, fields))

/** The fact names a rule reads, so the server loads only those. */
export function ruleFieldsUsed(rule: TRule): string[] {
  const out = new Set<string>()
  const walk = (r: TRule) => {
    if ('all' in r) r.all.forEach(walk)
    else if ('any' in r) r.any.forEach(walk)
    else if ('not' in r) walk(r.not)
    else out.add(r.field)
  }
  walk(rule)
  return [...out]
}

// ---------- evaluation ----------

export type TRuleEvaluation = { matched: boolean; explanation: string }

type Node = { matched: boolean; text: string }

function factText(field: TRuleField | undefined, v: unknown): string {
  if (v === null || v === undefined) return '无记录'
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(field, x)).join('、') : '无'
  return typeof v === 'number' && field?.unit ? `${v}${field.unit}` : valueText(field, v)
}

/** "（当前：…）" for the facts a labelled group reads, so a clause still shows the elder's values. */
function currentFacts(rule: TRule, facts: TRuleFacts, fields: TRuleFields): string {
  const used = ruleFieldsUsed(rule)
  const text = (f: string) => factText(Object.hasOwn(fields, f) ? fields[f] : undefined, Object.hasOwn(facts, f) ? facts[f] : undefined)
  if (used.length === 1) return `（当前：${text(used[0])}）`
  return `（当前：${used.map((f) => `${Object.hasOwn(fields, f) ? fields[f].label : f} ${text(f)}`).join('；')}）`
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return null
}

function evalCondition(c: TRuleCondition, facts: TRuleFacts, today: string, fields: TRuleFields): Node {
  const field = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined
  let fact = Object.hasOwn(facts, c.field) ? facts[c.field] : undefined
  const isDate = field?.type === 'date'
  if (isDate && (typeof fact === 'string' || fact instanceof Date)) {
    try {
      fact = toShanghaiDate(fact)
    } catch {
      fact = undefined
    }
  }
  const missing = fact === null || fact === undefined
  let matched: boolean
  switch (c.op) {
    case 'eq':
      matched = c.value === null ? missing : !missing && fact === c.value
      break
    case 'ne':
      matched = c.value === null ? !missing : missing || fact !== c.value
      break
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const d = missing ? null : compare(fact, c.value)
      matched = d !== null && (c.op === 'gt' ? d > 0 : c.op === 'gte' ? d >= 0 : c.op === 'lt' ? d < 0 : d <= 0)
      break
    }
    case 'in':
      matched = !missing && Array.isArray(c.value) && (c.value as readonly unknown[]).includes(fact)
      break
    case 'contains': {
      const wanted = Array.isArray(c.value) ? (c.value as readonly unknown[]) : [c.value]
      matched = Array.isArray(fact) && wanted.some((w) => (fact as unknown[]).includes(w))
      break
    }
    case 'withinDays':
    case 'olderThanDays': {
      if (missing || typeof fact !== 'string') {
        matched = false
        break
      }
      const ago = daysBetween(fact, today)
      matched = c.op === 'withinDays' ? ago >= 0 && ago <= Number(c.value) : ago > Number(c.value)
      break
    }
    case 'isNull': {
      const empty = missing || (Array.isArray(fact) && fact.length === 0)
      matched = c.value === false ? !empty : empty
      break
    }
    default:
      throw new Error(`未知运算：${String((c as { op: unknown }).op)}`)
  }
  const desc = describeCondition(c, fields)
  // A met equality already says the value; repeating it as “当前” adds nothing.
  const showFact = c.op !== 'isNull' && !(matched && (field?.type === 'boolean' || c.op === 'eq'))
  return { matched, text: showFact ? `${desc}（当前：${factText(field, fact)}）` : desc }
}

function evalNode(rule: TRule, facts: TRuleFacts, today: string, fields: TRuleFields): Node {
  if (rule.label && !('field' in rule)) {
    const { label, ...inner } = rule
    return { matched: evalNode(inner as TRule, facts, today, fields).matched, text: `${label}${currentFacts(rule, facts, fields)}` }
  }
  if ('all' in rule) {
    const results = rule.all.map((r) => evalNode(r, facts, today, fields))
    const failed = results.find((r) => !r.matched)
    return failed ? { matched: false, text: failed.text } : { matched: true, text: results.map((r) => r.text).join('；') }
  }
  if ('any' in rule) {
    const results = rule.any.map((r) => evalNode(r, facts, today, fields))
    const hit = results.find((r) => r.matched)
    return hit ? { matched: true, text: hit.text } : { matched: false, text: results.map((r) => r.text).join('；') }
  }
  if ('not' in rule) {
    const inner = evalNode(rule.not, facts, today, fields)
    return { matched: !inner.matched, text: `${inner.matched ? '' : '并非'}${inner.text}` }
  }
  return evalCondition(rule, facts, today, fields)
}

/**
 * Evaluates a (validated) rule against one elder's facts on `today` (Asia/Shanghai date or Date).
 * A missing fact satisfies only `isNull`, `eq null` and `ne`. The explanation lists the
 * conditions that made the rule match, or the first one that failed.
 */
export function evaluateRule(rule: TRule, facts: TRuleFacts, today: string | Date, fields: TRuleFields = worklistFields): TRuleEvaluation {
  const node = evalNode(rule, facts, toShanghaiDate(today), fields)
  return { matched: node.matched, explanation: `${node.matched ? '符合' : '不符合'}：${node.text}` }
}

// ---------- default rules ----------

export type TWorklistRuleDefinition = {
  id: string
  name: string
  description: string
  rule: TRule
  /** A handled item reappears after this many days if the condition still holds. */
  reappearAfterDays: number
}

export const defaultWorklistRules = [
  {
    id: 'advanced_age_alone_without_visit_plan',
    name: '高龄独居无探访计划',
    description: '80周岁及以上、独居且尚未制定探访关爱计划的老年人',
    rule: {
      all: [
        { field: 'age', op: 'gte', value: 80 },
        { field: 'livingArrangement', op: 'in', value: ['living_alone'] },
        { field: 'hasVisitPlan', op: 'eq', value: false },
      ],
    },
    reappearAfterDays: 30,
  },
  {
    id: 'poor_without_recent_assessment',
    name: '特困/低保老人未评估',
    description: '特困或低保老年人，近12个月内没有能力评估',
    rule: {
      all: [
        { field: 'categories', op: 'contains', value: ['destitute', 'min_subsistence'] },
        {
          any: [
            { field: 'lastAssessmentDate', op: 'isNull' },
            { field: 'lastAssessmentDate', op: 'olderThanDays', value: 365 },
          ],
        },
      ],
    },
    reappearAfterDays: 30,
  },
  {
    id: 'recent_category_change',
    name: '近期类别变化',
    description: '近30天内老年人类别发生变化，需核实服务和补贴',
    rule: { field: 'lastCategoryChangeAt', op: 'withinDays', value: 30 },
    reappearAfterDays: 30,
  },
] as const satisfies readonly TWorklistRuleDefinition[]

// ---------- clauses ----------

export type TRuleClause = { text: string; met: boolean }

/**
 * The clauses of a rule, each met or not, for "why (not) eligible" screens: the children of a
 * top-level unlabelled `all`, otherwise the rule as one clause. Unlike {@link evaluateRule} every
 * clause is evaluated, so people see all that fail, not just the first.
 */
export function evaluateClauses(rule: TRule, facts: TRuleFacts, today: string | Date, fields: TRuleFields = worklistFields): TRuleClause[] {
  const day = toShanghaiDate(today)
  const parts = 'all' in rule && !rule.label ? rule.all : [rule]
  return parts.map((r) => {
    const node = evalNode(r, facts, day, fields)
    return { text: node.text, met: node.matched }
  })
}
