/**
 * GB/T 42195-2022《老年人能力评估规范》附录 B: the 26 scored items, their options and the four
 * dimensions (domain.md §5.1). Scores are summed; higher is better; total 0–90.
 * The form UI renders these options; the scorer validates answers against them.
 */

export const gbt42195ItemCodes = [
  'B.1.1',
  'B.1.2',
  'B.1.3',
  'B.1.4',
  'B.1.5',
  'B.1.6',
  'B.1.7',
  'B.1.8',
  'B.2.1',
  'B.2.2',
  'B.2.3',
  'B.2.4',
  'B.3.1',
  'B.3.2',
  'B.3.3',
  'B.3.4',
  'B.3.5',
  'B.3.6',
  'B.3.7',
  'B.3.8',
  'B.3.9',
  'B.4.1',
  'B.4.2',
  'B.4.3',
  'B.4.4',
  'B.4.5',
] as const
export type TGbt42195ItemCode = (typeof gbt42195ItemCodes)[number]

export const gbt42195DimensionIds = ['selfCare', 'basicMobility', 'mentalState', 'perceptionSocial'] as const
export type TGbt42195Dimension = (typeof gbt42195DimensionIds)[number]

export type TGbt42195DimensionInfo = {
  id: TGbt42195Dimension
  /** Section of Annex B, e.g. "B.1". */
  code: string
  name: string
  maxPoints: number
  itemCodes: readonly TGbt42195ItemCode[]
}

export const gbt42195Dimensions: readonly TGbt42195DimensionInfo[] = [
  { id: 'selfCare', code: 'B.1', name: '自理能力', maxPoints: 32, itemCodes: gbt42195ItemCodes.slice(0, 8) },
  { id: 'basicMobility', code: 'B.2', name: '基础运动能力', maxPoints: 15, itemCodes: gbt42195ItemCodes.slice(8, 12) },
  { id: 'mentalState', code: 'B.3', name: '精神状态', maxPoints: 28, itemCodes: gbt42195ItemCodes.slice(12, 21) },
  { id: 'perceptionSocial', code: 'B.4', name: '感知觉与社会参与', maxPoints: 15, itemCodes: gbt42195ItemCodes.slice(21) },
]

export const GBT42195_MAX_TOTAL = 90

export type TGbt42195Option = { points: number; description: string }
export type TGbt42195Item = {
  code: TGbt42195ItemCode
  dimension: TGbt42195Dimension
  name: string
  /** What the item assesses and any instructions for the assessor. */
  hint?: string
  maxPoints: number
  /** Every allowed answer, from the best (maxPoints) down to 0. */
  options: readonly TGbt42195Option[]
}

/** Scale S5, used by the self-care and transfer items. */
export const gbt42195S5Options: readonly TGbt42195Option[] = [
  { points: 4, description: '独立完成，不需要他人帮助' },
  { points: 3, description: '需要他人指导或提示，不需要动手帮助' },
  { points: 2, description: '需要他人少量帮助，以自己完成为主' },
  { points: 1, description: '需要他人大量帮助，自己能够配合' },
  { points: 0, description: '完全依赖他人，自己不能配合' },
]

const opts = (...descriptions: string[]): TGbt42195Option[] => descriptions.map((description, i) => ({ points: descriptions.length - 1 - i, description }))

type ItemSpec = Omit<TGbt42195Item, 'code' | 'dimension' | 'maxPoints'>

const specs: Record<TGbt42195ItemCode, ItemSpec> = {
  'B.1.1': {
    name: '进食',
    hint: '使用适当的器具将食物送入口中并咽下',
    options: opts(
      '独立使用器具将食物送入口中并咽下，没有呛咳',
      '在他人指导或提示下完成，或独立使用辅具，没有呛咳',
      '进食中需要少量接触式帮助，偶尔（每月一次及以上）呛咳',
      '进食中需要大量接触式帮助，经常（每周一次及以上）呛咳',
      '完全依赖他人喂食，或有吞咽困难，或留置营养管',
    ),
  },
  'B.1.2': { name: '修饰', hint: '洗脸、刷牙、梳头、刮脸、剪指（趾）甲等', options: gbt42195S5Options },
  'B.1.3': { name: '洗澡', hint: '清洗和擦干身体', options: gbt42195S5Options },
  'B.1.4': { name: '穿/脱上衣', hint: '穿/脱上身衣服、系扣、拉拉链等', options: gbt42195S5Options },
  'B.1.5': { name: '穿/脱裤子和鞋袜', hint: '穿/脱裤子、鞋袜等', options: gbt42195S5Options },
  'B.1.6': {
    name: '小便控制',
    hint: '控制和排出尿液的能力',
    options: opts(
      '能自行控制排尿，排尿次数和控制均正常',
      '白天能自行控制，夜间排尿次数增多、控制较差，或能自行使用尿布、尿垫等辅助用物',
      '偶有尿失禁（每天少于一次，但每周多于一次），或需要他人少量帮助使用尿布、尿垫等',
      '白天大部分时间不能控制排尿（每天一次及以上，但尚未完全失控），或需要他人大量帮助使用尿布、尿垫等',
      '小便失禁，完全不能控制排尿，或留置导尿管',
    ),
  },
  'B.1.7': {
    name: '大便控制',
    hint: '控制和排出粪便的能力',
    options: opts(
      '能正常自行控制大便排出',
      '偶有便秘或大便失禁（每周少于一次），或能自行使用开塞露、尿垫等辅助用物',
      '经常便秘或大便失禁（每天少于一次，但每周多于一次），或需要他人少量帮助使用开塞露、尿垫等',
      '大部分时间便秘或大便失禁（每天一次及以上，但尚未完全失控），或需要他人大量帮助使用开塞露、尿垫等',
      '严重便秘或完全大便失禁，需要依赖他人帮助排便或清洁皮肤',
    ),
  },
  'B.1.8': { name: '如厕', hint: '上厕所排泄大小便并清洁身体、整理衣裤', options: gbt42195S5Options },
  'B.2.1': { name: '床上体位转移', hint: '卧床翻身及坐起躺下', options: gbt42195S5Options },
  'B.2.2': { name: '床椅转移', hint: '从坐位到站位，再从站位到坐位的转换', options: gbt42195S5Options },
  'B.2.3': {
    name: '平地行走',
    hint: '双脚交互向前移动身体（可使用拐杖、助行器等辅助工具）',
    options: opts(
      '能在平地上独立行走50米左右，且无摔倒风险',
      '能在平地上独立行走50米左右，但有摔倒风险，需要他人监护或指导，或使用拐杖、助行器等辅助工具',
      '行走时需要他人少量扶持帮助',
      '行走时需要他人大量扶持帮助',
      '完全不能行走',
    ),
  },
  'B.2.4': {
    name: '上下楼梯',
    hint: '连续上下10～15个台阶',
    options: opts(
      '能独立上下楼梯（连续10～15个台阶），不需要帮助',
      '在他人指导或提示下完成',
      '需要他人帮助，但以自己完成为主',
      '主要依靠他人帮助或完全依赖他人',
    ),
  },
  'B.3.1': {
    name: '时间定向',
    hint: '知道并确认时间的能力',
    options: opts(
      '时间观念清楚，知道年、月，日期（或星期几）最多相差一天',
      '时间观念有所下降，年、月、日（或星期几）不能全部分清，相差两天或以上',
      '时间观念较差，不清楚年、月、日，只知道上半年或下半年、季节',
      '时间观念很差，不清楚年、月、日，只知道上午、下午或白天、夜间',
      '没有时间观念',
    ),
  },
  'B.3.2': {
    name: '空间定向',
    hint: '知道并确认空间的能力',
    options: opts(
      '能在日常生活范围内独自外出，如在居住的小区内独自外出购物',
      '不能独自外出，但准确知道自己日常生活所在地的地址',
      '不能独自外出，知道部分日常生活所在地的地址',
      '不能独自外出，只知道很少的居住或生活所在地的地址',
      '不能独自外出，没有空间观念',
    ),
  },
  'B.3.3': {
    name: '人物定向',
    hint: '知道并确认人物的能力',
    options: opts(
      '认识长期共同生活的人，能称呼共同生活的家人并知道彼此关系',
      '认识大部分共同生活的人，能称呼或知道关系',
      '能认识部分日常同住的亲人或照护者',
      '只认识自己或极少数日常同住的亲人或照护者',
      '不认识任何人（包括自己）',
    ),
  },
  'B.3.4': {
    name: '记忆',
    hint: '短时、近期和远期记忆能力',
    options: opts(
      '记忆力与社会、年龄相称，能完整回忆',
      '轻度记忆紊乱或回忆不能：不能回忆即时信息，3个词语5分钟后只能回忆0～1个',
      '中度记忆紊乱或回忆不能：不能回忆近期事情，如记不得上一顿饭吃了什么',
      '重度记忆紊乱或回忆不能：不能回忆远期事情，如不记得自己的老朋友',
      '记忆完全紊乱，或完全不能正确回忆既往事物',
    ),
  },
  'B.3.5': {
    name: '理解能力',
    hint: '理解语言信息和非语言信息的能力（可借助平时使用的助听设备）',
    options: opts(
      '能正常理解他人的话',
      '能理解他人的话，但需要更多时间',
      '理解有困难，需要反复重复或简化口头表达',
      '理解有严重困难，需要他人大量帮助',
      '完全不能理解他人的话',
    ),
  },
  'B.3.6': {
    name: '表达能力',
    hint: '表达信息的能力，包括口头和非口头表达',
    options: opts(
      '能正常表达自己的想法',
      '能表达自己的需要，但需要更多时间',
      '表达需要有困难，需要反复重复或简化表达',
      '表达有严重困难，需要他人大量帮助',
      '完全不能表达需要',
    ),
  },
  'B.3.7': {
    name: '攻击行为',
    hint: '身体攻击（如打、踢、推、咬、抓、摔东西）或语言攻击（如骂人、语言威胁、尖叫）',
    options: opts('近一个月内未出现攻击行为', '近一个月内出现过身体攻击或语言攻击行为'),
  },
  'B.3.8': {
    name: '抑郁症状',
    hint: '存在情绪低落、兴趣减退、活力减退等症状，甚至出现妄想、幻觉、自杀念头或自杀行为',
    options: opts('近一个月内未出现抑郁症状', '近一个月内出现过情绪低落、兴趣减退或活力减退，或出现妄想、幻觉、自杀念头或自杀行为'),
  },
  'B.3.9': {
    name: '意识水平',
    hint: '机体对自身和周围环境的刺激做出应答反应的能力',
    options: opts('神志清醒，对周围环境能做出正确反应', '嗜睡或意识模糊，可以被唤醒', '昏睡或昏迷'),
  },
  'B.4.1': {
    name: '视力',
    hint: '感受存在的光线并感受物体大小、形状的能力（佩戴平时使用的眼镜）',
    options: opts('视力正常', '能看清大字体，但看不清书报上的标准字体；或视力有限，看不清报纸大标题，但能辨认物体', '只能看到光、颜色和形状，或完全失明'),
  },
  'B.4.2': {
    name: '听力',
    hint: '能辨别声音的方位、音调、音量和音质（佩戴平时使用的助听设备）',
    options: opts('听力正常', '轻声说话或说话距离超过2米时听不清', '讲话者大声说话或说话很慢时才能部分听见，或完全失聪'),
  },
  'B.4.3': {
    name: '执行日常事务',
    hint: '计划、安排并完成日常事务，如洗衣服、小金额购物、服药管理',
    options: opts(
      '能完全独立计划、安排和完成日常事务，不需要帮助',
      '计划、安排和完成日常事务时需要他人监护或指导',
      '计划、安排和完成日常事务时需要他人少量帮助',
      '计划、安排和完成日常事务时需要他人大量帮助',
      '完全依赖他人进行日常事务',
    ),
  },
  'B.4.4': {
    name: '使用交通工具外出',
    options: opts(
      '能自己骑车或独自乘坐公共交通工具外出',
      '能独自乘坐出租车，但不会乘坐其他公共交通工具外出',
      '有人帮助或陪伴时能乘坐公共交通工具外出',
      '只能在他人帮助下乘坐出租车或私家车外出，或完全不能出门',
    ),
  },
  'B.4.5': {
    name: '社会交往能力',
    options: opts(
      '能参与社会活动，对社会环境有一定的适应能力，待人接物恰当',
      '能适应单纯环境，主动接触他人，初次见面时不易被发现智力问题，但不能理解隐喻',
      '脱离社会，可被动接触，不会主动待人，谈话中有很多不恰当的词句，容易上当受骗',
      '勉强可与他人接触，谈吐内容不清楚，表情不恰当',
      '不能与人交往',
    ),
  },
}

const dimensionOf = (code: TGbt42195ItemCode): TGbt42195Dimension => gbt42195Dimensions.find((d) => d.itemCodes.includes(code))!.id

/** The 26 items in form order, each with its dimension, name, options and maximum. */
export const gbt42195Items: readonly TGbt42195Item[] = gbt42195ItemCodes.map((code) => ({
  code,
  dimension: dimensionOf(code),
  maxPoints: specs[code].options[0].points,
  ...specs[code],
}))

/** Lookup of {@link gbt42195Items} by item code. */
export const gbt42195ItemsByCode: Readonly<Record<TGbt42195ItemCode, TGbt42195Item>> = Object.fromEntries(
  gbt42195Items.map((item) => [item.code, item]),
) as Record<TGbt42195ItemCode, TGbt42195Item>

export function isGbt42195ItemCode(code: string): code is TGbt42195ItemCode {
  return (gbt42195ItemCodes as readonly string[]).includes(code)
}

/** GB/T 42195 ability levels 0–4 (higher is worse). */
export const gbt42195Levels = [0, 1, 2, 3, 4] as const
export type TGbt42195Level = (typeof gbt42195Levels)[number]

export type TAbilityLevelInfo = {
  level: number
  /** Glossary identifier: intact, mild, moderate, severe, total. */
  id: 'intact' | 'mild' | 'moderate' | 'severe' | 'total'
  /** Name in the standard, e.g. 能力轻度受损. */
  name: string
  /** Common name, e.g. 轻度失能. */
  commonName: string
  minTotal: number
  maxTotal: number
}

export const gbt42195LevelInfo: readonly TAbilityLevelInfo[] = [
  { level: 0, id: 'intact', name: '能力完好', commonName: '能力完好', minTotal: 90, maxTotal: 90 },
  { level: 1, id: 'mild', name: '能力轻度受损', commonName: '轻度失能', minTotal: 66, maxTotal: 89 },
  { level: 2, id: 'moderate', name: '能力中度受损', commonName: '中度失能', minTotal: 46, maxTotal: 65 },
  { level: 3, id: 'severe', name: '能力重度受损', commonName: '重度失能', minTotal: 30, maxTotal: 45 },
  { level: 4, id: 'total', name: '能力完全丧失', commonName: '完全失能', minTotal: 0, maxTotal: 29 },
]

/** "能力轻度受损（轻度失能）" style label of a GB/T 42195 level. */
export function gbt42195LevelLabel(level: number): string {
  const info = gbt42195LevelInfo[level]
  if (!info) throw new RangeError(`无效的能力等级：${level}`)
  return info.name === info.commonName ? info.name : `${info.name}（${info.commonName}）`
}
