import { addDays, demoHomeLocation, makeIdNumber, maskAddress, todayInShanghai, typedElderCategories, type TLivingArrangement } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { regionsOfLevel } from '../regions/index.js'
import { nameInitials, storedCategories } from './elder-values.js'
import { elderHistory, elders } from './elders.tables.js'

/** Deterministic pseudo-random numbers, so every fresh demo database looks the same. */
export function seededRandom(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'
const MALE = [
  '建国',
  '国强',
  '志明',
  '德胜',
  '文华',
  '永祥',
  '玉林',
  '振华',
  '长生',
  '福海',
  '明',
  '军',
  '勇',
  '刚',
  '伟',
  '忠',
  '发财',
  '学文',
  '宝山',
  '树林',
  '有才',
  '满仓',
  '占魁',
  '世杰',
  '兴旺',
  '春生',
  '金山',
  '怀德',
]
const FEMALE = [
  '秀兰',
  '桂英',
  '玉兰',
  '淑珍',
  '秀英',
  '凤英',
  '桂兰',
  '玉梅',
  '兰英',
  '素芳',
  '翠花',
  '秀珍',
  '丽华',
  '淑英',
  '美兰',
  '桂芳',
  '金花',
  '彩霞',
  '春梅',
  '月娥',
  '玉珍',
  '巧云',
  '芳',
  '英',
  '红',
  '梅',
  '霞',
]
const STREETS = ['幸福小区', '欣园小区', '南关小区', '东湖花园', '文化巷', '县府街', '西来寺小区', '民主西街家属院', '金安苑', '祥和小区']
const CONDITIONS = ['高血压', '糖尿病', '冠心病', '慢性阻塞性肺病', '关节炎', '脑卒中后遗症', '白内障', '骨质疏松']
const RELATIONS = ['儿子', '女儿', '儿媳', '女婿', '侄子', '孙子', '配偶']

export type TSeedElderRow = typeof elders.$inferInsert
export const DEMO_REFERENCE_YEAR = 2026

/**
 * Plausible demo elders across the district: ages skewed young-old, categories in rough real
 * proportions, valid (made-up) ID numbers with the district's address code 620702.
 */
export function generateElders(opts: {
  count: number
  villages: { code: string; name: string }[]
  today: string
  seed?: number
  encrypt: (s: string) => string
  hash: (s: string) => string
  withPii?: boolean
  idSeqStart?: number
}): TSeedElderRow[] {
  const rnd = seededRandom(opts.seed ?? 20260101)
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!
  const used = new Set<string>()
  const out: TSeedElderRow[] = []
  // Homes placed by community and the elder's number in it, outside the random sequence, so the
  // generated people stay the same as before coordinates existed (issue 20 item 1).
  const perVillage = new Map<string, number>()
  // Birth years from a fixed reference year, so the demo ID numbers are the same on every machine
  // and docs/examples can hold duplicates-to-be of seeded elders.
  const year = DEMO_REFERENCE_YEAR
  for (let i = 0; i < opts.count; i++) {
    const male = rnd() < 0.46
    const r = rnd()
    const age =
      r < 0.52 ? 60 + Math.floor(rnd() * 10) : r < 0.82 ? 70 + Math.floor(rnd() * 10) : r < 0.96 ? 80 + Math.floor(rnd() * 10) : 90 + Math.floor(rnd() * 12)
    const birthDate = addDays(`${year - age - 1}-01-01`, Math.floor(rnd() * 365) + Math.floor(rnd() * 1))
    let id: string
    let seq = Math.floor(rnd() * 500)
    do {
      const s = (seq % 500) * 2 + (male ? 1 : 0)
      id = makeIdNumber('620702', birthDate, s)
      seq++
    } while (used.has(id))
    used.add(id)
    const village = pick(opts.villages)
    const isRural = Number(village.code.slice(9)) >= 200 || Number(village.code.slice(6, 9)) >= 100
    const la: TLivingArrangement = (() => {
      const x = rnd()
      if (x < 0.12 + (age >= 80 ? 0.06 : 0)) return 'living_alone'
      if (x < 0.42) return 'empty_nest'
      if (isRural && x < 0.5) return 'left_behind'
      if (x < 0.53) return 'in_institution'
      if (x < 0.95) return 'with_children'
      return 'other'
    })()
    const typed: string[] = []
    const p = (q: number, c: (typeof typedElderCategories)[number]) => {
      if (rnd() < q) typed.push(c)
    }
    p(isRural ? 0.09 : 0.05, 'min_subsistence')
    if (rnd() < 0.015) typed.push(rnd() < 0.8 ? 'dispersed_support' : 'centralized_support')
    p(0.02, 'near_min_subsistence')
    p(0.04, 'low_income')
    p(0.006, 'lost_only_child')
    p(0.006, 'family_planning_special')
    if (rnd() < 0.06) typed.push(rnd() < 0.3 ? 'severe_disability' : 'disabled')
    p(0.012, 'entitled_veteran_family')
    p(0.005, 'no_caregiver')
    p(0.02, 'serious_illness')
    p(age >= 75 ? 0.08 : 0.03, 'limited_mobility')
    const name = pick([...SURNAMES]) + (male ? pick(MALE) : pick(FEMALE))
    const ability = rnd() < 0.25 ? (rnd() < 0.6 ? 0 : rnd() < 0.5 ? 1 : rnd() < 0.5 ? 2 : rnd() < 0.6 ? 3 : 4) : null
    const assessed = ability !== null ? addDays(opts.today, -Math.floor(rnd() * 700)) : null
    const phone = `139${String(10000000 + Math.floor(rnd() * 89999999))}`
    const address = isRural
      ? `甘肃省张掖市甘州区${village.name}${1 + Math.floor(rnd() * 8)}组${1 + Math.floor(rnd() * 60)}号`
      : `甘肃省张掖市甘州区${pick(STREETS)}${1 + Math.floor(rnd() * 20)}号楼${1 + Math.floor(rnd() * 4)}单元${100 * (1 + Math.floor(rnd() * 6)) + 1 + Math.floor(rnd() * 4)}室`
    const contacts =
      rnd() < 0.85
        ? [
            {
              name: pick([...SURNAMES]) + (rnd() < 0.5 ? pick(MALE) : pick(FEMALE)),
              relation: pick(RELATIONS),
              phone: `138${String(10000000 + Math.floor(rnd() * 89999999))}`,
              isGuardian: rnd() < 0.3,
            },
          ]
        : []
    const conditions = CONDITIONS.filter(() => rnd() < 0.12)
    const hasDoctor = rnd() < 0.55
    const withPii = opts.withPii ?? true
    const nth = perVillage.get(village.code) ?? 0
    perVillage.set(village.code, nth + 1)
    const home = demoHomeLocation(village.code, nth)
    out.push({
      regionCode: village.code,
      ...(home ? { homeLat: home.lat, homeLng: home.lng } : {}),
      name,
      nameInitials: nameInitials(name),
      idHash: opts.hash(id),
      idEnc: opts.encrypt(id),
      idPrefix6: '620702',
      birthDate,
      sex: male ? 'male' : 'female',
      hukou: rnd() < 0.9 ? 'local' : 'non_local',
      livingArrangement: la,
      typedCategories: typed,
      categories: storedCategories({ typed, birthDate, today: opts.today, livingArrangement: la, abilityLevel: ability, abilityScale: 'gbt42195' }),
      ...(withPii
        ? {
            addressEnc: opts.encrypt(address),
            addressMasked: maskAddress(address),
            phoneEnc: opts.encrypt(phone),
            phoneHash: opts.hash(phone),
            phonePrefix3: phone.slice(0, 3),
            phoneLast4: phone.slice(-4),
            contactsEnc: contacts.length ? opts.encrypt(JSON.stringify(contacts)) : null,
            healthEnc: conditions.length ? opts.encrypt(JSON.stringify(conditions)) : null,
          }
        : {}),
      hasGuardian: contacts.length > 0,
      hasFamilyDoctor: hasDoctor,
      familyDoctorDate: hasDoctor ? addDays(opts.today, -Math.floor(rnd() * 900)) : null,
      familyDoctorName: hasDoctor ? `${pick([...SURNAMES])}医生` : null,
      hasVisitPlan: rnd() < 0.35,
      abilityScale: ability !== null ? 'gbt42195' : null,
      abilityLevel: ability,
      abilityEffectiveDate: assessed,
      lastAssessmentDate: assessed,
      lastAssessmentLevel: ability,
      lastCategoryChangeAt: rnd() < 0.03 ? new Date(Date.parse(opts.today) - Math.floor(rnd() * 25) * 86400000) : null,
    })
  }
  return out
}

export const DEMO_ELDER_COUNT = 2000

/** Demo elders for an empty registry: one batch insert, one history row each, one audit row. */
export async function seedElders(ctx: Ctx) {
  const [any] = await ctx.db.select({ id: elders.id }).from(elders).limit(1)
  if (any) return
  const villages = await regionsOfLevel(ctx.db, 'village')
  if (villages.length === 0) return
  villages.sort((a, b) => a.code.localeCompare(b.code))
  const today = todayInShanghai(ctx.clock.now())
  const rows = generateElders({ count: DEMO_ELDER_COUNT, villages, today, encrypt: ctx.crypto.encrypt, hash: ctx.crypto.lookupHash })
  await withTx(ctx, async (t) => {
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await t.tx
        .insert(elders)
        .values(rows.slice(i, i + 500))
        .returning({ id: elders.id, regionCode: elders.regionCode })
      await t.tx.insert(elderHistory).values(
        inserted.map((r) => ({
          elderId: r.id,
          regionCode: r.regionCode,
          action: 'created',
          source: 'system',
          changes: [{ field: 'seed', label: '演示数据', before: null, after: '系统生成的演示档案' }],
          actorName: '系统',
        })),
      )
    }
    await appendAudit(t, { action: 'elder.demo_seeded', entityType: 'elder', after: { count: rows.length } })
  })
}
