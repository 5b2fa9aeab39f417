/**
 * Care visits (探访关爱, domain.md §10; issue 22): a plan per elder whose frequency comes from
 * rules kept as data (the worklist rule language), visit periods that are visited or missed and
 * escalated, tasks raised from problems found, and the two visit rates of §13.
 */
import { parseRegionCode } from './regions.js'
import type { Flow } from './flow.js'
import { evaluateRule, worklistFields, type TRule, type TRuleFacts, type TRuleFields } from './worklist-rules.js'

// ---------- plans ----------

export const visitFrequencies = ['weekly', 'monthly'] as const
export type TVisitFrequency = (typeof visitFrequencies)[number]
export const visitFrequencyLabels = { weekly: '每周探访', monthly: '每月巡访' } as const satisfies Record<TVisitFrequency, string>

export const visitPlanStatuses = ['active', 'ended'] as const
export type TVisitPlanStatus = (typeof visitPlanStatuses)[number]
export const visitPlanStatusLabels = { active: '执行中', ended: '已结束' } as const satisfies Record<TVisitPlanStatus, string>

export const visitPlanFlow = {
  /** Name (or change) the visitor and the backup; the plan stays active. */
  assign: { from: ['active'], to: 'active', permission: 'visit:plan' },
  /** The elder died, moved out or no longer meets a rule. */
  end: { from: ['active'], to: 'ended', permission: 'visit:plan' },
  /** The elder meets a rule again (reactivated, category back). */
  resume: { from: ['ended'], to: 'active', permission: 'visit:plan' },
} as const satisfies Flow<TVisitPlanStatus>
export type TVisitPlanAction = keyof typeof visitPlanFlow

// ---------- periods and escalation ----------

export const visitPeriodStatuses = ['open', 'visited', 'missed', 'escalated_community', 'escalated_street'] as const
export type TVisitPeriodStatus = (typeof visitPeriodStatuses)[number]
export const visitPeriodStatusLabels = {
  open: '待探访',
  visited: '已探访',
  missed: '逾期未探访（已提醒探访人）',
  escalated_community: '逾期已上报社区(村)',
  escalated_street: '逾期已上报街道(乡镇)',
} as const satisfies Record<TVisitPeriodStatus, string>

/**
 * One plan's one week or month. A counted visit inside the period closes it as visited; a
 * period that ends unvisited is missed (the visitor is told), then escalated to the community
 * worker and then to the street officer, one step per escalation delay.
 */
export const visitPeriodFlow = {
  visit: { from: ['open'], to: 'visited', permission: 'visit:record' },
  miss: { from: ['open'], to: 'missed', permission: 'visit:escalate' },
  escalateCommunity: { from: ['missed'], to: 'escalated_community', permission: 'visit:escalate' },
  escalateStreet: { from: ['escalated_community'], to: 'escalated_street', permission: 'visit:escalate' },
} as const satisfies Flow<TVisitPeriodStatus>

export const visitMissedStatuses = ['missed', 'escalated_community', 'escalated_street'] as const satisfies readonly TVisitPeriodStatus[]
/** Who is told at each escalation step [DESIGN, domain.md §10]. */
export const visitEscalationTargets = { miss: 'visitor', escalateCommunity: 'community_worker', escalateStreet: 'street_officer' } as const
/** Hours between escalation steps after a period closes unvisited [OPEN: no source names a figure]. */
export const VISIT_ESCALATION_HOURS = 24
/** Missed periods in a row that put an elder on the street's red list (issue 22 item 5). */
export const VISIT_RED_LIST_AFTER = 2

// ---------- visits ----------

export const visitModes = ['home', 'phone'] as const
export type TVisitMode = (typeof visitModes)[number]
export const visitModeLabels = { home: '上门探访', phone: '电话探访' } as const satisfies Record<TVisitMode, string>

/** The short fixed checklist of a visit (issue 22 item 3); heating is asked in the heating season only. */
export const visitChecklistItems = ['health', 'mood', 'home_safety', 'food', 'heating', 'medicine', 'needs'] as const
export type TVisitChecklistItem = (typeof visitChecklistItems)[number]
export const visitChecklistLabels = {
  health: '身体状况',
  mood: '精神情绪',
  home_safety: '居家安全',
  food: '饮食起居',
  heating: '冬季取暖',
  medicine: '用药情况',
  needs: '生活需求',
} as const satisfies Record<TVisitChecklistItem, string>
export const visitFindingValues = ['ok', 'concern'] as const
export type TVisitFinding = (typeof visitFindingValues)[number]
export const visitFindingLabels = { ok: '正常', concern: '有问题' } as const satisfies Record<TVisitFinding, string>

/** 甘州 heats from 1 November to 31 March [OPEN: local heating season; a setting later]. */
export function isHeatingSeason(date: string): boolean {
  const m = Number(date.slice(5, 7))
  return m >= 11 || m <= 3
}

/** Checklist items asked on that date. */
export function visitChecklistOn(date: string): TVisitChecklistItem[] {
  return visitChecklistItems.filter((i) => i !== 'heating' || isHeatingSeason(date))
}

export const visitConfirmers = ['elder', 'family', 'none'] as const
export type TVisitConfirmer = (typeof visitConfirmers)[number]
export const visitConfirmerLabels = { elder: '老人本人确认', family: '家属确认', none: '未确认' } as const satisfies Record<TVisitConfirmer, string>

// ---------- tasks ----------

export const visitTaskKinds = ['service_order', 'benefit_application', 'reassessment', 'supporter_notice', 'alarm'] as const
export type TVisitTaskKind = (typeof visitTaskKinds)[number]
export const visitTaskKindLabels = {
  service_order: '申请上门服务',
  benefit_application: '申请补贴',
  reassessment: '重新评估能力',
  supporter_notice: '责成赡(扶)养人照料',
  alarm: '紧急求助',
} as const satisfies Record<TVisitTaskKind, string>
/** Days to the task's deadline by kind [DESIGN]; an alarm is due the same day. */
export const visitTaskDueDays = { service_order: 3, benefit_application: 7, reassessment: 7, supporter_notice: 3, alarm: 0 } as const satisfies Record<
  TVisitTaskKind,
  number
>

/** What a task became in the module that does it (issue 22 item 4); the task keeps its id and follows its status. */
export const visitTaskLinkTypes = ['order', 'benefit_application', 'assessment_trigger', 'alarm', 'supporter_notice'] as const
export type TVisitTaskLinkType = (typeof visitTaskLinkTypes)[number]
export const visitTaskLinkLabels = {
  order: '服务工单',
  benefit_application: '补贴申请',
  assessment_trigger: '复评提醒',
  alarm: '报警',
  supporter_notice: '赡(扶)养人通知',
} as const satisfies Record<TVisitTaskLinkType, string>
export const visitTaskStatuses = ['open', 'done', 'cancelled'] as const
export type TVisitTaskStatus = (typeof visitTaskStatuses)[number]
export const visitTaskStatusLabels = { open: '待办', done: '已办结', cancelled: '已取消' } as const satisfies Record<TVisitTaskStatus, string>
export const visitTaskFlow = {
  complete: { from: ['open'], to: 'done', permission: 'visit:task' },
  cancel: { from: ['open'], to: 'cancelled', permission: 'visit:task' },
} as const satisfies Flow<TVisitTaskStatus>

// ---------- plan rules ----------

/** The worklist facts plus where the elder lives: a villagers' committee (村委会) is rural. */
export const visitRuleFields = {
  ...worklistFields,
  rural: { type: 'boolean', label: '农村（村委会）' },
} as const satisfies TRuleFields

/** Facts for the plan rules: the registry's facts and `rural` from the region code. */
export function visitRuleFacts(facts: TRuleFacts, regionCode: string): TRuleFacts {
  const info = parseRegionCode(regionCode)
  return { ...facts, rural: info.ok && info.kind === 'villagers_committee' }
}

export type TVisitPlanRule = { id: string; name: string; rule: TRule; frequency: TVisitFrequency; allowPhone: boolean; priority: number }

/**
 * Defaults from the seeds: weekly for 高龄 and 失能 everywhere and 独居 in town (S000, 周探访率
 * 100%); monthly for rural 空巢, 独居 and 留守 by the village's named visitor (S002). A rural
 * elder living alone falls to the monthly rule, as S002 prescribes for villages.
 */
export const defaultVisitPlanRules: readonly TVisitPlanRule[] = [
  {
    id: 'weekly_high_risk',
    name: '高龄、失能、城镇独居老人每周探访',
    frequency: 'weekly',
    allowPhone: false,
    priority: 10,
    rule: {
      any: [
        { field: 'categories', op: 'contains', value: ['advanced_age', 'incapacitated'] },
        {
          all: [
            { field: 'rural', op: 'eq', value: false },
            { field: 'categories', op: 'contains', value: ['living_alone'] },
          ],
        },
      ],
    },
  },
  {
    id: 'rural_monthly',
    name: '农村空巢、独居、留守老人每月巡访',
    frequency: 'monthly',
    allowPhone: false,
    priority: 20,
    rule: {
      all: [
        { field: 'rural', op: 'eq', value: true },
        { field: 'categories', op: 'contains', value: ['empty_nest', 'living_alone', 'left_behind'] },
      ],
    },
  },
]

export type TPlanDecision = { ruleId: string; frequency: TVisitFrequency; allowPhone: boolean; reason: string } | null

/** The first rule (by priority) the elder meets decides the plan; none → no plan. */
export function decideVisitPlan(rules: readonly TVisitPlanRule[], facts: TRuleFacts, today: string): TPlanDecision {
  for (const r of [...rules].sort((a, b) => a.priority - b.priority)) {
    const ev = evaluateRule(r.rule, facts, today, visitRuleFields)
    if (ev.matched) return { ruleId: r.id, frequency: r.frequency, allowPhone: r.allowPhone, reason: `${r.name}（${ev.explanation}）` }
  }
  return null
}

// ---------- periods (Asia/Shanghai) ----------

const SH = 8 * 3600_000
const DAY = 86_400_000

/** ISO 8601 week of a Shanghai calendar date: "2026-W01"; the week belongs to the year of its Thursday. */
export function isoWeekKey(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  const dow = (d.getUTCDay() + 6) % 7 // Monday 0
  const thursday = new Date(d.getTime() + (3 - dow) * DAY)
  const year = thursday.getUTCFullYear()
  const jan1 = Date.UTC(year, 0, 1)
  const week = Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The period of a frequency that holds the instant `at` (its Shanghai date). */
export function periodKeyOf(frequency: TVisitFrequency, at: Date): string {
  const date = new Date(at.getTime() + SH).toISOString().slice(0, 10)
  return frequency === 'weekly' ? isoWeekKey(date) : date.slice(0, 7)
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/
const MONTH_RE = /^(\d{4})-(\d{2})$/

export function isPeriodKey(key: string): boolean {
  const w = WEEK_RE.exec(key)
  if (w) {
    const n = Number(w[2])
    return n >= 1 && n <= 53 && isoWeekKey(periodStartDate(key)) === key
  }
  const m = MONTH_RE.exec(key)
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

export const frequencyOfPeriod = (key: string): TVisitFrequency => (WEEK_RE.test(key) ? 'weekly' : 'monthly')

/** First Shanghai calendar date of a period. */
export function periodStartDate(key: string): string {
  const w = WEEK_RE.exec(key)
  if (w) {
    const year = Number(w[1])
    const jan4 = Date.UTC(year, 0, 4)
    const dow = (new Date(jan4).getUTCDay() + 6) % 7
    const monday = jan4 - dow * DAY + (Number(w[2]) - 1) * 7 * DAY
    return new Date(monday).toISOString().slice(0, 10)
  }
  const m = MONTH_RE.exec(key)
  if (!m) throw new RangeError(`无效的探访周期：${key}`)
  return `${m[1]}-${m[2]}-01`
}

/** [start, end) of a period as instants: Shanghai midnight to the next period's Shanghai midnight. */
export function periodRange(key: string): { start: Date; end: Date; startDate: string; endDate: string } {
  const startDate = periodStartDate(key)
  const start = new Date(Date.parse(`${startDate}T00:00:00Z`) - SH)
  let end: Date
  if (WEEK_RE.test(key)) end = new Date(start.getTime() + 7 * DAY)
  else {
    const [y, mo] = [Number(startDate.slice(0, 4)), Number(startDate.slice(5, 7))]
    end = new Date(Date.UTC(mo === 12 ? y + 1 : y, mo === 12 ? 0 : mo, 1) - SH)
  }
  const endDate = new Date(end.getTime() + SH - DAY).toISOString().slice(0, 10)
  return { start, end, startDate, endDate }
}

export function nextPeriodKey(key: string): string {
  return periodKeyOf(frequencyOfPeriod(key), periodRange(key).end)
}

export function previousPeriodKey(key: string): string {
  return periodKeyOf(frequencyOfPeriod(key), new Date(periodRange(key).start.getTime() - 1))
}

// ---------- rates (domain.md §13) ----------

/** 周探访率 target (S000) and the rural monthly visit rate target (S002): every target elder. */
export const WEEKLY_VISIT_RATE_TARGET = 1
export const RURAL_MONTHLY_VISIT_RATE_TARGET = 1

export type TRateTarget = { elderId: string; allowPhone: boolean }
export type TRateVisit = { elderId: string; at: Date; mode: TVisitMode }
export type TVisitRate = { numerator: number; denominator: number; rate: number | null; target: number; met: boolean }

/**
 * A visit rate over one period: target elders with at least one counted visit inside
 * [start, end) / target elders. A phone visit counts only where the elder's plan rule allows it;
 * two visits to one elder count once; visits to elders outside the targets count nowhere.
 * No target elders → rate null (nothing to measure), not 100%.
 */
export function visitRate(targets: readonly TRateTarget[], visits: readonly TRateVisit[], period: { start: Date; end: Date }, target: number): TVisitRate {
  const byElder = new Map(targets.map((t) => [t.elderId, t]))
  const seen = new Set<string>()
  for (const v of visits) {
    const t = byElder.get(v.elderId)
    if (!t) continue
    if (v.at < period.start || v.at >= period.end) continue
    if (v.mode === 'phone' && !t.allowPhone) continue
    seen.add(v.elderId)
  }
  const denominator = byElder.size
  const numerator = seen.size
  const rate = denominator === 0 ? null : numerator / denominator
  return { numerator, denominator, rate, target, met: rate !== null && rate >= target }
}

/** 周探访率 of an ISO week (S000): weekly-plan elders visited in the week / weekly-plan elders. */
export const weeklyVisitRate = (targets: readonly TRateTarget[], visits: readonly TRateVisit[], weekKey: string) =>
  visitRate(targets, visits, periodRange(weekKey), WEEKLY_VISIT_RATE_TARGET)

/** Rural monthly visit rate (S002): rural monthly-plan elders visited in the month / those elders. */
export const ruralMonthlyVisitRate = (targets: readonly TRateTarget[], visits: readonly TRateVisit[], monthKey: string) =>
  visitRate(targets, visits, periodRange(monthKey), RURAL_MONTHLY_VISIT_RATE_TARGET)

/** "93.3%" for a rate, "—" when there is nothing to measure. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`)
