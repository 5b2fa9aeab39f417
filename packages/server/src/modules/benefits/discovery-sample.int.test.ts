// 应享未享 against a hand-checked sample (issue 17 "done when"): six elders whose programmes were
// worked out by hand from the table, one row per (elder, programme) the list must show.
import { sql } from 'drizzle-orm'
import { factDayForMonth } from '@yiyang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app.js'
import { newElder } from '../../../test/factories.js'
import { rowsOf } from '../../db/client.js'
import { eligibilityFactsInScope } from '../elders/index.js'
import { decisionMonth, loadProgrammes } from './benefits.repo.js'
import { recomputeCandidates } from './refresh-candidates.js'

let t: TestApp
let bureau: string
let officer: string

beforeAll(async () => {
  t = await createTestApp()
  ;[bureau, officer] = await Promise.all(['bureau', 'dongjie.officer'].map((u) => t.login(u)))
})
afterAll(async () => {
  await t?.close()
})

type TCase = { name: string; age: number; hukou: 'local' | 'non_local'; categories: string[]; level: number | null; expected: Record<string, number> }

// Ages sit away from every band boundary, so the payment month (next month) cannot move them.
const sample: TCase[] = [
  // 85, local, no category: 高龄津贴 80–89 only.
  { name: '样本甲', age: 85, hukou: 'local', categories: [], level: null, expected: { gaoling: 10000 } },
  // 92, non-local 低保, level 3: no 高龄津贴 (户籍); 低保 300; 失能护理 level 3 400 (group care, only member);
  // 消费补贴 level 3 500.
  {
    name: '样本乙',
    age: 92,
    hukou: 'non_local',
    categories: ['min_subsistence'],
    level: 3,
    expected: { 'jingji-kunnan': 30000, 'shineng-huli': 40000, 'xiaofei-quan': 50000 },
  },
  // 70, 重度残疾 + 低收入, level 1: 低收入 200; 失能护理 needs level ≥ 2; 重度残疾 179 chosen in group care.
  {
    name: '样本丙',
    age: 70,
    hukou: 'local',
    categories: ['severe_disability', 'low_income'],
    level: 1,
    expected: { 'jingji-kunnan': 20000, 'zhongcan-huli': 17900 },
  },
  // 65, 特困集中供养 + 特困, level 4: 经济困难 excluded (集中供养); 失能护理 600 (特困 qualifies); 重度残疾 not
  // (no category, and 特困); 消费补贴 800.
  {
    name: '样本丁',
    age: 65,
    hukou: 'local',
    categories: ['centralized_support', 'destitute'],
    level: 4,
    expected: { 'shineng-huli': 60000, 'xiaofei-quan': 80000 },
  },
  // 62, 经济困难 tag alone: nothing.
  { name: '样本戊', age: 62, hukou: 'local', categories: ['economically_disadvantaged'], level: null, expected: {} },
  // 101, 计生特殊家庭, level 2: 高龄 ≥ 100 600; 经济困难 100; 失能护理 not (计生 is not in its list); 消费补贴 300.
  {
    name: '样本己',
    age: 101,
    hukou: 'local',
    categories: ['family_planning_special'],
    level: 2,
    expected: { gaoling: 60000, 'jingji-kunnan': 10000, 'xiaofei-quan': 30000 },
  },
]

describe('eligible but not applied (应享未享)', () => {
  it('lists exactly the hand-checked programmes and amounts of a sample', async () => {
    const ids: string[] = []
    for (const c of sample) {
      const id = await newElder(t, officer, { name: c.name, age: c.age, hukou: c.hukou, categories: c.categories })
      // The level an effective GB/T 42195 assessment would have set.
      if (c.level !== null) await t.database.db.execute(sql`update elders set ability_level = ${c.level}, ability_scale = 'gbt42195' where id = ${id}`)
      ids.push(id)
    }
    const refresh = await t.app.inject({ method: 'POST', url: '/api/v1/benefit-candidates/refresh', headers: { cookie: bureau } })
    expect(refresh.statusCode, refresh.body).toBe(200)
    await t.settle()
    const items: { elderId: string; programmeCode: string; amountFen: number }[] = []
    for (const code of ['gaoling', 'jingji-kunnan', 'shineng-huli', 'zhongcan-huli', 'xiaofei-quan']) {
      const res = await t.app.inject({
        url: `/api/v1/benefit-candidates?programmeCode=${code}&kind=eligible&pageSize=200&regionCode=620702001001`,
        headers: { cookie: officer },
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().total, code).toBeLessThanOrEqual(200) // one page holds the community
      items.push(...(res.json().items as typeof items).map((r) => ({ ...r, programmeCode: r.programmeCode ?? code })))
    }
    sample.forEach((c, i) => {
      const got = Object.fromEntries(items.filter((r) => r.elderId === ids[i]).map((r) => [r.programmeCode, r.amountFen]))
      expect(got, c.name).toEqual(c.expected)
    })
  })
})

describe('the set-based full refresh', () => {
  it('writes the same rows as core evaluating every elder one by one', async () => {
    const month = decisionMonth(new Date())
    const day = factDayForMonth(month)
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    const yearsBefore = (n: number, md = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) => `${y - n}-${md}`
    // Birthdays around every band edge (on the fact day, the day after, 29 February) and the
    // level of another scale, which programmes must not read.
    const edges: [string, string | null, number | null][] = [
      [yearsBefore(80), null, null],
      [`${y - 80}-12-31`, null, null],
      [yearsBefore(90), 'gbt42195', 3],
      [yearsBefore(100), 'mzt039', 4],
      ['1944-02-29', 'gbt42195', 2],
      [yearsBefore(60), 'gbt42195', 2],
      [`${y - 60}-12-31`, 'gbt42195', 4],
    ]
    for (const [i, [birth, scale, level]] of edges.entries()) {
      const id = await newElder(t, officer, { name: `边界${i}`, age: 70, categories: i % 2 ? ['min_subsistence'] : ['severe_disability', 'low_income'] })
      await t.database.db.execute(sql`update elders set birth_date = ${birth}, ability_scale = ${scale}, ability_level = ${level} where id = ${id}`)
    }
    // A 高龄津贴 still active for someone of 70: the 不再符合 list.
    const young = await newElder(t, officer, { name: '不再符合', age: 70 })
    await t.database.db.execute(
      sql`insert into benefits (elder_id, region_code, programme_code, application_id, amount_fen, from_month, status, next_review_month)
          values (${young}, '620702001001', 'gaoling', gen_random_uuid(), 10000, '2026-01', 'active', '2027-01')`,
    )
    const refresh = await t.app.inject({ method: 'POST', url: '/api/v1/benefit-candidates/refresh', headers: { cookie: bureau } })
    expect(refresh.statusCode, refresh.body).toBe(200)
    await t.settle()
    const snapshot = async () =>
      rowsOf<{ elder_id: string; programme_code: string; kind: string; amount_fen: number; region_code: string }>(
        await t.database.db.execute(
          sql`select elder_id, programme_code, kind, amount_fen, region_code from benefit_candidates order by elder_id, programme_code`,
        ),
      ).map((r) => `${r.elder_id} ${r.programme_code} ${r.kind} ${r.amount_fen} ${r.region_code}`)
    const bySql = await snapshot()
    expect(bySql.length).toBeGreaterThan(50)
    expect(bySql.some((r) => r.includes(' ineligible '))).toBe(true)

    const programmes = (await loadProgrammes(t.database.db)).map((p) => p.definition)
    await t.database.db.execute(sql`delete from benefit_candidates`)
    for await (const batch of eligibilityFactsInScope(t.database.db, '62')) {
      await t.database.db.transaction((tx) => recomputeCandidates(tx, programmes, batch, month, new Date()))
    }
    expect(await snapshot()).toEqual(bySql)
  })
})
