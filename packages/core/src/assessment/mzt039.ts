/**
 * MZ/T 039-2013《老年人能力评估》(domain.md §5.2): 22 items in four dimensions, not summed;
 * each dimension gets a grade 0–3 and a table combines the grades into a level 0–3.
 */
import { AssessmentInputError, readLevelChangeInputs, type TLevelChangeOptions } from './common.js'
import type { TAbilityLevelInfo } from './gbt42195-catalogue.js'

// ---------- items ----------

export type TMzt039ItemDef<K extends string> = {
  key: K
  name: string
  /** Allowed answers with their meaning, best first. */
  options: readonly { points: number; description: string }[]
}

/** A. 日常生活活动 (Barthel, 0–100, higher is better). */
export const mzt039AdlItems = [
  {
    key: 'eating',
    name: '进食',
    options: [
      { points: 10, description: '可独立进食' },
      { points: 5, description: '需部分帮助' },
      { points: 0, description: '需极大帮助或完全依赖他人，或留置胃管' },
    ],
  },
  {
    key: 'bathing',
    name: '洗澡',
    options: [
      { points: 5, description: '准备好洗澡水后，可自己独立完成洗澡过程' },
      { points: 0, description: '在洗澡过程中需他人帮助' },
    ],
  },
  {
    key: 'grooming',
    name: '修饰',
    options: [
      { points: 5, description: '可自己独立完成洗脸、刷牙、梳头、刮脸等' },
      { points: 0, description: '需他人帮助' },
    ],
  },
  {
    key: 'dressing',
    name: '穿衣',
    options: [
      { points: 10, description: '可独立完成' },
      { points: 5, description: '需部分帮助' },
      { points: 0, description: '需极大帮助或完全依赖他人' },
    ],
  },
  {
    key: 'bowel',
    name: '大便控制',
    options: [
      { points: 10, description: '可控制大便' },
      { points: 5, description: '偶尔失控（每周少于一次），或需要他人提示' },
      { points: 0, description: '完全失控' },
    ],
  },
  {
    key: 'bladder',
    name: '小便控制',
    options: [
      { points: 10, description: '可控制小便' },
      { points: 5, description: '偶尔失控（每天少于一次，但每周多于一次），或需要他人提示' },
      { points: 0, description: '完全失控，或留置导尿管' },
    ],
  },
  {
    key: 'toileting',
    name: '如厕',
    options: [
      { points: 10, description: '可独立完成' },
      { points: 5, description: '需部分帮助' },
      { points: 0, description: '需极大帮助或完全依赖他人' },
    ],
  },
  {
    key: 'transfer',
    name: '床椅转移',
    options: [
      { points: 15, description: '可独立完成' },
      { points: 10, description: '需部分帮助' },
      { points: 5, description: '需极大帮助' },
      { points: 0, description: '完全依赖他人' },
    ],
  },
  {
    key: 'walking',
    name: '平地行走',
    options: [
      { points: 15, description: '可独立在平地上行走45米' },
      { points: 10, description: '需部分帮助' },
      { points: 5, description: '需极大帮助，或使用轮椅自行移动' },
      { points: 0, description: '完全依赖他人' },
    ],
  },
  {
    key: 'stairs',
    name: '上下楼梯',
    options: [
      { points: 10, description: '可独立上下楼梯' },
      { points: 5, description: '需部分帮助' },
      { points: 0, description: '需极大帮助或完全依赖他人' },
    ],
  },
] as const satisfies readonly TMzt039ItemDef<string>[]

/** B. 精神状态 (0–6, higher is worse). */
export const mzt039MentalItems = [
  {
    key: 'cognition',
    name: '认知功能',
    options: [
      { points: 0, description: '画钟正确且能回忆出2–3个词' },
      { points: 1, description: '画钟错误，或只能回忆出0–1个词' },
      { points: 2, description: '已确诊为认知障碍' },
    ],
  },
  {
    key: 'aggression',
    name: '攻击行为',
    options: [
      { points: 0, description: '无身体攻击行为，无语言攻击行为' },
      { points: 1, description: '每月有几次身体攻击，或每周有几次语言攻击' },
      { points: 2, description: '每周有几次身体攻击，或每日有语言攻击' },
    ],
  },
  {
    key: 'depression',
    name: '抑郁症状',
    options: [
      { points: 0, description: '无' },
      { points: 1, description: '情绪低落、不爱说话、不爱梳洗、不爱活动' },
      { points: 2, description: '有自杀念头或自杀行为' },
    ],
  },
] as const satisfies readonly TMzt039ItemDef<string>[]

/** C. 感知觉与沟通 (rule-based grade). */
export const mzt039SensoryItems = [
  {
    key: 'consciousness',
    name: '意识水平',
    options: [
      { points: 0, description: '神志清醒' },
      { points: 1, description: '嗜睡' },
      { points: 2, description: '昏睡' },
      { points: 3, description: '昏迷' },
    ],
  },
  {
    key: 'vision',
    name: '视力',
    options: [
      { points: 0, description: '能看清书报上的标准字体' },
      { points: 1, description: '能看清大字体，看不清标准字体' },
      { points: 2, description: '视力有限，看不清报纸大标题，但能辨认物体' },
      { points: 3, description: '辨认物体有困难，但眼睛能跟随物体移动，只能看到光、颜色和形状' },
      { points: 4, description: '没有视力，眼睛不能跟随物体移动' },
    ],
  },
  {
    key: 'hearing',
    name: '听力',
    options: [
      { points: 0, description: '可正常交谈，能听到电视、电话、门铃的声音' },
      { points: 1, description: '在轻声说话或说话距离超过2米时听不清' },
      { points: 2, description: '正常交流有些困难，需在安静环境或大声说话才能听到' },
      { points: 3, description: '讲话者大声说话或说话很慢，才能部分听见' },
      { points: 4, description: '完全听不见' },
    ],
  },
  {
    key: 'communication',
    name: '沟通交流',
    options: [
      { points: 0, description: '无困难，能与他人正常沟通和交流' },
      { points: 1, description: '能够表达自己的需要及理解别人的话，但需要增加时间或给予帮助' },
      { points: 2, description: '表达需要或理解有困难，需频繁重复或简化口头表达' },
      { points: 3, description: '不能表达需要或理解他人的话' },
    ],
  },
] as const satisfies readonly TMzt039ItemDef<string>[]

const socialOptions = [
  { points: 0, description: '能力完好' },
  { points: 1, description: '轻度受损' },
  { points: 2, description: '中度受损' },
  { points: 3, description: '重度受损' },
  { points: 4, description: '完全丧失' },
] as const

/** D. 社会参与 (5 items 0–4; sum 0–20, higher is worse). */
export const mzt039SocialItems = [
  { key: 'livingSkills', name: '生活能力', options: socialOptions },
  { key: 'workSkills', name: '工作能力', options: socialOptions },
  { key: 'orientation', name: '时间/空间定向', options: socialOptions },
  { key: 'personOrientation', name: '人物定向', options: socialOptions },
  { key: 'socialInteraction', name: '社会交往能力', options: socialOptions },
] as const satisfies readonly TMzt039ItemDef<string>[]

type Keys<T extends readonly { key: string }[]> = T[number]['key']
export type TMzt039AdlKey = Keys<typeof mzt039AdlItems>
export type TMzt039MentalKey = Keys<typeof mzt039MentalItems>
export type TMzt039SensoryKey = Keys<typeof mzt039SensoryItems>
export type TMzt039SocialKey = Keys<typeof mzt039SocialItems>

export type TMzt039Input = {
  adl: Record<TMzt039AdlKey, number>
  mental: Record<TMzt039MentalKey, number>
  sensory: Record<TMzt039SensoryKey, number>
  social: Record<TMzt039SocialKey, number>
  /** Coma; also implied by 意识水平 = 3 (昏迷). */
  coma: boolean
  /** Cognitive impairment/dementia or mental illness diagnosed. */
  dementiaOrMentalDisorder: boolean
  /** Falls, choking, suicide or wandering in the last 30 days. */
  riskEvents30d: number
}

export const mzt039DimensionIds = ['adl', 'mental', 'sensory', 'social'] as const
export type TMzt039Dimension = (typeof mzt039DimensionIds)[number]
export const mzt039DimensionNames = {
  adl: '日常生活活动',
  mental: '精神状态',
  sensory: '感知觉与沟通',
  social: '社会参与',
} as const satisfies Record<TMzt039Dimension, string>

export const mzt039Levels = [0, 1, 2, 3] as const
export type TMzt039Level = (typeof mzt039Levels)[number]

export const mzt039LevelInfo: readonly Omit<TAbilityLevelInfo, 'minTotal' | 'maxTotal'>[] = [
  { level: 0, id: 'intact', name: '能力完好', commonName: '能力完好' },
  { level: 1, id: 'mild', name: '轻度失能', commonName: '轻度失能' },
  { level: 2, id: 'moderate', name: '中度失能', commonName: '中度失能' },
  { level: 3, id: 'severe', name: '重度失能', commonName: '重度失能' },
]

/** Grade names of a dimension grade 0–3. */
export const mzt039GradeNames = ['能力完好', '轻度受损', '中度受损', '重度受损'] as const

// ---------- grades ----------

/** ADL (Barthel) grade: 100 → 0; 65–95 → 1; 45–60 → 2; ≤ 40 → 3. */
export function mzt039AdlGrade(score: number): TMzt039Level {
  if (score >= 100) return 0
  if (score >= 65) return 1
  if (score >= 45) return 2
  return 3
}

/** 精神状态 grade from the 0–6 sum: 0 → 0; 1 → 1; 2–3 → 2; 4–6 → 3. */
export function mzt039MentalGrade(score: number): TMzt039Level {
  if (score <= 0) return 0
  if (score === 1) return 1
  if (score <= 3) return 2
  return 3
}

/** 社会参与 grade from the 0–20 sum: 0–2 → 0; 3–7 → 1; 8–13 → 2; 14–20 → 3. */
export function mzt039SocialGrade(score: number): TMzt039Level {
  if (score <= 2) return 0
  if (score <= 7) return 1
  if (score <= 13) return 2
  return 3
}

/**
 * 感知觉与沟通 grade by the first matching rule (3, 2, 1, 0). consciousness: 0 alert,
 * 1 drowsy, 2 stupor, 3 coma; vision and hearing 0–4; communication 0–3.
 */
export function mzt039SensoryGrade(s: Record<TMzt039SensoryKey, number>): TMzt039Level {
  const alert = s.consciousness === 0
  const drowsy = s.consciousness === 1
  if (s.consciousness >= 2) return 3 // 昏睡 or 昏迷
  if ((alert || drowsy) && (s.vision === 4 || s.hearing === 4 || s.communication === 3)) return 3
  if (alert && (s.vision === 3 || s.hearing === 3 || s.communication === 2)) return 2
  if (drowsy) return 2 // drowsy with 视力/听力 ≤ 3 and 沟通 ≤ 2
  if (s.vision === 2 || s.hearing === 2 || s.communication === 1) return 1
  return 0 // alert, 视力 and 听力 ≤ 1, 沟通 0
}

// ---------- level table ----------

export type TMzt039LevelMatch = {
  level: TMzt039Level
  /** Levels whose written rule matches these grades (0, 1 or 2 of them). */
  matchedLevels: TMzt039Level[]
  /** How the level was chosen. */
  resolution: 'single' | 'most_severe' | 'gap_default'
}

const count = (xs: number[], pred: (x: number) => boolean) => xs.filter(pred).length

/**
 * Combines the four grades (A ADL, M mental, S sensory, P social) into a level 0–3 using the
 * MZ/T 039 table as written. [OPEN] defaults (domain.md §5.2) until the official 判定卡 is seen:
 * when two rules match the most severe wins; (0,0,0,3) → 1; A = 2 with M, S, P ≤ 2 that match no
 * rule (incl. (2,0,0,0)) → 2.
 */
export function mzt039LevelFromGrades(a: number, m: number, s: number, p: number): TMzt039LevelMatch {
  for (const g of [a, m, s, p]) {
    if (!Number.isInteger(g) || g < 0 || g > 3) throw new RangeError(`维度等级应为0–3，收到 ${g}`)
  }
  const msp = [m, s, p]
  const matched: TMzt039Level[] = []
  if (a === 0 && m === 0 && s === 0 && p <= 1) matched.push(0)
  if ((a === 0 && (m >= 1 || s >= 1 || p === 2)) || (a === 1 && count(msp, (x) => x <= 1) >= 1)) matched.push(1)
  const oneOrTwo = count(msp, (x) => x === 1 || x === 2)
  if ((a === 1 && (msp.every((x) => x === 2) || msp.includes(3))) || (a === 2 && (oneOrTwo === 1 || oneOrTwo === 2))) {
    matched.push(2)
  }
  if (a === 3 || (a === 2 && msp.every((x) => x === 2)) || (a === 2 && msp.includes(3))) matched.push(3)

  if (matched.length === 1) return { level: matched[0], matchedLevels: matched, resolution: 'single' }
  if (matched.length > 1) {
    return { level: Math.max(...matched) as TMzt039Level, matchedLevels: matched, resolution: 'most_severe' }
  }
  // Gaps: (0,0,0,3) and A = 2 with M, S, P all ≤ 2 that no rule covers.
  return { level: a === 0 ? 1 : 2, matchedLevels: [], resolution: 'gap_default' }
}

// ---------- scoring ----------

export type TMzt039Result = {
  scores: { adl: number; mental: number; social: number }
  grades: Record<TMzt039Dimension, TMzt039Level>
  initialLevel: TMzt039Level
  finalLevel: TMzt039Level
  levelMatch: TMzt039LevelMatch
  reasons: string[]
}

function readGroup<K extends string>(group: string, groupName: string, defs: readonly TMzt039ItemDef<K>[], value: unknown): Record<K, number> {
  if (typeof value !== 'object' || value === null) throw new AssessmentInputError(group, `${groupName}答案缺失`)
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!defs.some((d) => d.key === key)) throw new AssessmentInputError(`${group}.${key}`, `未知的评估项目：${group}.${key}`)
  }
  const out = {} as Record<K, number>
  for (const def of defs) {
    const v = record[def.key]
    const allowed = def.options.map((o) => o.points)
    if (v === undefined || v === null) {
      throw new AssessmentInputError(`${group}.${def.key}`, `评估项目 ${groupName}·${def.name}（${group}.${def.key}）未填写`)
    }
    if (typeof v !== 'number' || !allowed.includes(v)) {
      throw new AssessmentInputError(
        `${group}.${def.key}`,
        `评估项目 ${groupName}·${def.name}（${group}.${def.key}）的分值只能是 ${allowed.join('/')}，收到 ${String(v)}`,
      )
    }
    out[def.key] = v
  }
  return out
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)
const levelName = (l: number) => `${mzt039LevelInfo[l].name}（${l} 级）`

/**
 * Scores an assessment to MZ/T 039-2013: dimension grades, level by the table, then the C.3
 * level changes — coma → 3 directly; dementia/mental illness or ≥ 2 risk events in 30 days
 * → one level worse ([OPEN] default: once in total); an initial 3 is never raised; cap 3.
 * @throws AssessmentInputError (with `item`, e.g. "adl.transfer") for a missing or invalid answer.
 */
export function scoreAbilityMzt039(input: TMzt039Input, options: TLevelChangeOptions = {}): TMzt039Result {
  if (typeof input !== 'object' || input === null) throw new AssessmentInputError('input', '评估输入缺失')
  const adl = readGroup('adl', mzt039DimensionNames.adl, mzt039AdlItems, input.adl)
  const mental = readGroup('mental', mzt039DimensionNames.mental, mzt039MentalItems, input.mental)
  const sensory = readGroup('sensory', mzt039DimensionNames.sensory, mzt039SensoryItems, input.sensory)
  const social = readGroup('social', mzt039DimensionNames.social, mzt039SocialItems, input.social)
  const flags = readLevelChangeInputs(input)
  const coma = flags.coma || sensory.consciousness === 3
  const threshold = options.riskEventThreshold ?? 2

  const scores = { adl: sum(adl), mental: sum(mental), social: sum(social) }
  const grades = {
    adl: mzt039AdlGrade(scores.adl),
    mental: mzt039MentalGrade(scores.mental),
    sensory: mzt039SensoryGrade(sensory),
    social: mzt039SocialGrade(scores.social),
  }
  const levelMatch = mzt039LevelFromGrades(grades.adl, grades.mental, grades.sensory, grades.social)
  const initialLevel = levelMatch.level

  const reasons = [
    `日常生活活动 ${scores.adl} 分（${mzt039GradeNames[grades.adl]}，${grades.adl} 级），` +
      `精神状态 ${scores.mental} 分（${mzt039GradeNames[grades.mental]}，${grades.mental} 级），` +
      `感知觉与沟通 ${mzt039GradeNames[grades.sensory]}（${grades.sensory} 级），` +
      `社会参与 ${scores.social} 分（${mzt039GradeNames[grades.social]}，${grades.social} 级）`,
  ]
  const combo = `(${grades.adl},${grades.mental},${grades.sensory},${grades.social})`
  if (levelMatch.resolution === 'most_severe') {
    reasons.push(`维度组合 ${combo} 同时符合 ${levelMatch.matchedLevels.join('、')} 级的判定条件，按较重者确定`)
  } else if (levelMatch.resolution === 'gap_default') {
    reasons.push(`维度组合 ${combo} 不符合判定表中的任何条件，按默认规则确定`)
  }
  reasons.push(`初步等级为${levelName(initialLevel)}`)

  let finalLevel: number = initialLevel
  const hasRisk = flags.riskEvents30d >= threshold
  if (coma) {
    finalLevel = 3 // MZ/T 039-2013 C.3: 处于昏迷状态者，直接评定为重度失能
    reasons.push('处于昏迷状态，直接评定为重度失能（3 级）')
  } else if (initialLevel === 3) {
    if (flags.dementia || hasRisk) reasons.push('初步等级已为重度失能（3 级），不再提高')
  } else {
    const riskText = `近30天发生跌倒、噎食、自杀或走失 ${flags.riskEvents30d} 次（${threshold} 次及以上）`
    const steps = options.stackAdjustments
      ? [flags.dementia && '有认知障碍/痴呆或精神疾病', hasRisk && riskText].filter((x): x is string => typeof x === 'string')
      : flags.dementia || hasRisk
        ? [[flags.dementia && '有认知障碍/痴呆或精神疾病', hasRisk && riskText].filter(Boolean).join('，且')]
        : []
    for (const step of steps) {
      if (finalLevel >= 3) {
        reasons.push(`${step}，但已为重度失能（3 级），不再提高`)
      } else {
        finalLevel += 1
        reasons.push(`${step}，等级提高一级`)
      }
    }
  }
  reasons.push(`最终等级为${levelName(finalLevel)}`)

  return { scores, grades, initialLevel, finalLevel: finalLevel as TMzt039Level, levelMatch, reasons }
}
