/**
 * Elder categories, living arrangements, statuses and age bands (domain.md §4, issue 4 item 2).
 * An elder carries a set of category tags. Some are typed by staff (or come from other
 * registers); 高龄, 失能/半失能/失智 and the living-arrangement tags are derived, never typed.
 */
import { ageOn, addDays, addMonths, toShanghaiDate, type TDateString } from './dates.js'

/** Categories staff select (multi-select on the elder form). */
export const typedElderCategories = [
  'destitute', // 特困人员
  'dispersed_support', // 特困分散供养
  'centralized_support', // 特困集中供养
  'min_subsistence', // 低保
  'near_min_subsistence', // 低保边缘
  'low_income', // 低收入
  'economically_disadvantaged', // 经济困难
  'family_planning_special', // 计划生育特殊家庭
  'lost_only_child', // 失独
  'disabled', // 残疾
  'severe_disability', // 重度残疾 (grade 1–2)
  'entitled_veteran_family', // 优抚对象
  'military_family', // 军属
  'martyr_survivor', // 烈士遗属
  'no_caregiver', // 无人照顾
  'vagrant', // 流浪乞讨
  'serious_illness', // 重病
  'limited_mobility', // 行动不便
] as const

/** Categories computed by {@link deriveCategories}; not selectable on the form. */
export const derivedElderCategories = [
  'advanced_age', // 高龄: age ≥ 80
  'incapacitated', // 失能: from the effective ability assessment
  'semi_incapacitated', // 半失能
  'cognitively_impaired', // 失智: dementia diagnosed in the assessment
  'living_alone', // 独居: from the living arrangement
  'empty_nest', // 空巢
  'left_behind', // 留守
] as const

export const elderCategories = [...typedElderCategories, ...derivedElderCategories] as const
export type TTypedElderCategory = (typeof typedElderCategories)[number]
export type TDerivedElderCategory = (typeof derivedElderCategories)[number]
export type TElderCategory = (typeof elderCategories)[number]

export const elderCategoryLabels = {
  destitute: '特困人员',
  dispersed_support: '特困分散供养',
  centralized_support: '特困集中供养',
  min_subsistence: '低保',
  near_min_subsistence: '低保边缘',
  low_income: '低收入',
  economically_disadvantaged: '经济困难',
  family_planning_special: '计划生育特殊家庭',
  lost_only_child: '失独',
  disabled: '残疾',
  severe_disability: '重度残疾',
  entitled_veteran_family: '优抚对象',
  military_family: '军属',
  martyr_survivor: '烈士遗属',
  no_caregiver: '无人照顾',
  vagrant: '流浪乞讨',
  serious_illness: '重病',
  limited_mobility: '行动不便',
  advanced_age: '高龄',
  incapacitated: '失能',
  semi_incapacitated: '半失能',
  cognitively_impaired: '失智',
  living_alone: '独居',
  empty_nest: '空巢',
  left_behind: '留守',
} as const satisfies Record<TElderCategory, string>

/**
 * Sensitive categories (domain.md §14): shown in scope only, never in public lists. All
 * poverty, disability, health and family-loss tags are sensitive.
 */
export const sensitiveElderCategories = [
  'destitute',
  'dispersed_support',
  'centralized_support',
  'min_subsistence',
  'near_min_subsistence',
  'low_income',
  'economically_disadvantaged',
  'family_planning_special',
  'lost_only_child',
  'disabled',
  'severe_disability',
  'serious_illness',
  'incapacitated',
  'semi_incapacitated',
  'cognitively_impaired',
  'vagrant',
] as const satisfies readonly TElderCategory[]

export function isElderCategory(value: string): value is TElderCategory {
  return (elderCategories as readonly string[]).includes(value)
}
export function isTypedElderCategory(value: string): value is TTypedElderCategory {
  return (typedElderCategories as readonly string[]).includes(value)
}

export const livingArrangements = ['living_alone', 'empty_nest', 'with_children', 'left_behind', 'in_institution', 'other'] as const
export type TLivingArrangement = (typeof livingArrangements)[number]
export const livingArrangementLabels = {
  living_alone: '独居',
  empty_nest: '空巢',
  with_children: '与子女同住',
  left_behind: '留守',
  in_institution: '入住机构',
  other: '其他',
} as const satisfies Record<TLivingArrangement, string>

export const elderStatuses = ['active', 'deceased', 'moved_out'] as const
export type TElderStatus = (typeof elderStatuses)[number]
export const elderStatusLabels = {
  active: '在册',
  deceased: '死亡',
  moved_out: '迁出',
} as const satisfies Record<TElderStatus, string>

export const hukouTypes = ['local', 'non_local'] as const
export type THukouType = (typeof hukouTypes)[number]
export const hukouTypeLabels = { local: '本地户籍', non_local: '非本地户籍' } as const satisfies Record<THukouType, string>

// ---------- age ----------

export const ADVANCED_AGE_THRESHOLD = 80
/** Age thresholds used by rules (domain.md §3); compute, never store age. */
export const ageThresholds = [60, 65, 80, 90, 100] as const

export const ageBands = [
  { id: '60_69', label: '60–69岁', minAge: 60, maxAge: 69 },
  { id: '70_79', label: '70–79岁', minAge: 70, maxAge: 79 },
  { id: '80_89', label: '80–89岁', minAge: 80, maxAge: 89 },
  { id: '90_99', label: '90–99岁', minAge: 90, maxAge: 99 },
  { id: '100_plus', label: '100岁及以上', minAge: 100, maxAge: null },
] as const
export type TAgeBand = (typeof ageBands)[number]['id']

/** The age band of an age in full years, or null under 60. */
export function ageBandOf(age: number): TAgeBand | null {
  for (let i = ageBands.length - 1; i >= 0; i--) if (age >= ageBands[i].minAge) return ageBands[i].id
  return null
}

/**
 * Birth-date range (inclusive) of everyone whose age on `today` is between `minAge` and
 * `maxAge` (null = no upper bound), for filtering a birth_date column:
 * `birth_date BETWEEN from AND to` (`from` null = no lower bound).
 */
export function birthDateRangeForAges(minAge: number, maxAge: number | null, today: string | Date): { from: TDateString | null; to: TDateString } {
  const t = toShanghaiDate(today)
  const to = latestBirthDateForAge(t, minAge)
  const from = maxAge === null ? null : addDays(latestBirthDateForAge(t, maxAge + 1), 1)
  return { from, to }
}

/** The latest birth date with ageOn(birth, today) ≥ years (29 February handled by ageOn). */
function latestBirthDateForAge(today: TDateString, years: number): TDateString {
  let d = addMonths(today, -12 * years)
  while (ageOn(d, today) < years) d = addDays(d, -1)
  while (ageOn(addDays(d, 1), today) >= years) d = addDays(d, 1)
  return d
}

/** Birth-date range of an age band on `today` (see {@link birthDateRangeForAges}). */
export function birthDateRangeForAgeBand(band: TAgeBand, today: string | Date) {
  const b = ageBands.find((x) => x.id === band)
  if (!b) throw new RangeError(`未知的年龄段：${band}`)
  return birthDateRangeForAges(b.minAge, b.maxAge, today)
}

// ---------- derivation ----------

export type TCategorySource = 'typed' | 'age' | 'assessment' | 'living_arrangement' | 'implied'

export type TCategoryTag = {
  category: TElderCategory
  source: TCategorySource
  /** Why the elder carries the tag, in Chinese. */
  reason: string
}

export type TAbilityScaleForCategories = 'gbt42195' | 'mzt039'

export type TDeriveCategoriesInput = {
  birthDate: string
  today: string | Date
  /** Final level of the effective ability assessment, if any. */
  abilityLevel?: number | null
  /** Scale of `abilityLevel`; default GB/T 42195 (levels 0–4). */
  abilityScale?: TAbilityScaleForCategories
  /** Dementia diagnosed (ICD-10 F00–F03) in the effective assessment → 失智. */
  hasDementiaDiagnosis?: boolean
  livingArrangement?: TLivingArrangement | null
  /** Categories typed by staff; derived ones given here are ignored (they are recomputed). */
  typed: readonly string[]
}

/**
 * [OPEN] mapping of ability levels to 失能/半失能 (not fixed by either standard): by default
 * GB/T 42195 levels 3–4 (重度/完全) → 失能 and 1–2 (轻度/中度) → 半失能; MZ/T 039 level 3 → 失能,
 * 1–2 → 半失能. Pass `incapacityMapping` to change it.
 */
export const defaultIncapacityMapping: Record<TAbilityScaleForCategories, { incapacitated: readonly number[]; semi_incapacitated: readonly number[] }> = {
  gbt42195: { incapacitated: [3, 4], semi_incapacitated: [1, 2] },
  mzt039: { incapacitated: [3], semi_incapacitated: [1, 2] },
}

const levelNames: Record<TAbilityScaleForCategories, readonly string[]> = {
  gbt42195: ['能力完好', '能力轻度受损', '能力中度受损', '能力重度受损', '能力完全丧失'],
  mzt039: ['能力完好', '轻度失能', '中度失能', '重度失能'],
}

const livingArrangementCategory: Partial<Record<TLivingArrangement, TDerivedElderCategory>> = {
  living_alone: 'living_alone',
  empty_nest: 'empty_nest',
  left_behind: 'left_behind',
}

/**
 * The elder's full category set: typed tags plus the derived ones, each with its reason, in
 * catalogue order. Also adds implied tags: 失独 → 计划生育特殊家庭; 重度残疾 → 残疾;
 * 特困分散/集中供养 → 特困人员.
 * @throws RangeError for an unknown typed category.
 */
export function deriveCategories(
  input: TDeriveCategoriesInput,
  options: { incapacityMapping?: typeof defaultIncapacityMapping } = {},
): { categories: TElderCategory[]; tags: TCategoryTag[] } {
  const tags = new Map<TElderCategory, TCategoryTag>()
  const add = (category: TElderCategory, source: TCategorySource, reason: string) => {
    if (!tags.has(category)) tags.set(category, { category, source, reason })
  }

  for (const c of input.typed) {
    if (!isElderCategory(c)) throw new RangeError(`未知的老年人类别：${c}`)
    if (isTypedElderCategory(c)) add(c, 'typed', `登记为${elderCategoryLabels[c]}`)
  }

  const age = ageOn(input.birthDate, input.today)
  if (age >= ADVANCED_AGE_THRESHOLD) add('advanced_age', 'age', `年满${ADVANCED_AGE_THRESHOLD}周岁（${age}岁）`)

  if (input.abilityLevel !== undefined && input.abilityLevel !== null) {
    const scale = input.abilityScale ?? 'gbt42195'
    const mapping = (options.incapacityMapping ?? defaultIncapacityMapping)[scale]
    const name = levelNames[scale][input.abilityLevel] ?? `${input.abilityLevel} 级`
    const scaleName = scale === 'gbt42195' ? 'GB/T 42195' : 'MZ/T 039'
    if (mapping.incapacitated.includes(input.abilityLevel)) {
      add('incapacitated', 'assessment', `能力评估（${scaleName}）为${name}（${input.abilityLevel} 级）`)
    } else if (mapping.semi_incapacitated.includes(input.abilityLevel)) {
      add('semi_incapacitated', 'assessment', `能力评估（${scaleName}）为${name}（${input.abilityLevel} 级）`)
    }
  }
  if (input.hasDementiaDiagnosis) add('cognitively_impaired', 'assessment', '评估中记录了痴呆诊断')

  const la = input.livingArrangement ? livingArrangementCategory[input.livingArrangement] : undefined
  if (la && input.livingArrangement) add(la, 'living_arrangement', `居住情况为${livingArrangementLabels[input.livingArrangement]}`)

  if (tags.has('lost_only_child')) add('family_planning_special', 'implied', '失独家庭属于计划生育特殊家庭')
  if (tags.has('severe_disability')) add('disabled', 'implied', '重度残疾属于残疾')
  if (tags.has('dispersed_support') || tags.has('centralized_support')) add('destitute', 'implied', '特困供养对象属于特困人员')

  const ordered = elderCategories.filter((c) => tags.has(c)).map((c) => tags.get(c)!)
  return { categories: ordered.map((t) => t.category), tags: ordered }
}
