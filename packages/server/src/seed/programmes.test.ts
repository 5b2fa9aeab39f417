// The five demo programmes of issue 17 as seeded: every table row and boundary.
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluateProgrammes, type TEligibilityFacts, type TProgramme, type TProgrammeResult } from '@yiyang/core'
import { loadSeedProgrammes } from './programmes.js'

let programmes: TProgramme[]
beforeAll(async () => {
  programmes = await loadSeedProgrammes()
})

const elder = (over: Partial<TEligibilityFacts> = {}): TEligibilityFacts => ({
  id: 'x',
  birthDate: '1946-06-15',
  hukou: 'local',
  status: 'active',
  categories: [],
  abilityLevel: null,
  ...over,
})
const run = (facts: Partial<TEligibilityFacts>, month = '2026-12'): Record<string, TProgrammeResult> =>
  Object.fromEntries(evaluateProgrammes(programmes, elder(facts), month).map((r) => [r.program, r]))
const pay = (code: string, facts: Partial<TEligibilityFacts>, month = '2026-12') => {
  const r = run(facts, month)[code]
  return r.eligible ? r.amountFen : 0
}

describe('seeded programmes', () => {
  it('are the five fixed codes in order, with their groups and deliveries', () => {
    expect(programmes.map((p) => [p.code, p.delivery, p.group])).toEqual([
      ['gaoling', 'cash', null],
      ['jingji-kunnan', 'service_credits', null],
      ['shineng-huli', 'cash', 'care'],
      ['zhongcan-huli', 'cash', 'care'],
      ['xiaofei-quan', 'vouchers', null],
    ])
  })
})

describe('高龄津贴 gaoling', () => {
  it('pays by band from the month after the birthday month', () => {
    expect(pay('gaoling', { birthDate: '1946-06-15' }, '2026-06')).toBe(0) // turns 80 in M
    expect(pay('gaoling', { birthDate: '1946-06-15' }, '2026-07')).toBe(10000) // 80 in M−1
    expect(pay('gaoling', { birthDate: '1936-06-15' }, '2026-06')).toBe(10000) // 89
    expect(pay('gaoling', { birthDate: '1936-06-15' }, '2026-07')).toBe(30000) // exactly 90
    expect(pay('gaoling', { birthDate: '1927-01-01' }, '2026-12')).toBe(30000) // 99
    expect(pay('gaoling', { birthDate: '1926-06-15' }, '2026-07')).toBe(60000) // exactly 100
    expect(pay('gaoling', { birthDate: '1926-07-15' }, '2026-07')).toBe(30000) // turns 100 in M+0
  })
  it('born 29 February: the band starts in April in a common year, in March in a leap year', () => {
    expect(pay('gaoling', { birthDate: '1946-02-28' }, '2026-03')).toBe(10000)
    expect(pay('gaoling', { birthDate: '1944-02-29' }, '2024-03')).toBe(10000) // leap year
    expect(pay('gaoling', { birthDate: '1936-02-29' }, '2026-03')).toBe(10000) // 89 until 1 March 2026
    expect(pay('gaoling', { birthDate: '1936-02-29' }, '2026-04')).toBe(30000)
  })
  it('needs a local 户籍 and an elder in the register', () => {
    const nonLocal = run({ birthDate: '1930-01-01', hukou: 'non_local' }).gaoling
    expect(nonLocal).toMatchObject({ eligible: false, amountFen: 0, chosen: false })
    expect(nonLocal.clauses).toContainEqual({ text: '本地户籍（当前：非本地户籍）', met: false })
    expect(pay('gaoling', { birthDate: '1930-01-01', status: 'deceased' })).toBe(0)
    expect(pay('gaoling', { birthDate: '1930-01-01', status: 'moved_out' })).toBe(0)
  })
})

describe('经济困难老年人养老服务补贴 jingji-kunnan', () => {
  const poor = { birthDate: '1950-01-01' }
  it('pays the highest tier met', () => {
    for (const c of ['destitute', 'dispersed_support', 'min_subsistence']) expect(pay('jingji-kunnan', { ...poor, categories: [c] })).toBe(30000)
    expect(pay('jingji-kunnan', { ...poor, categories: ['near_min_subsistence'] })).toBe(20000)
    expect(pay('jingji-kunnan', { ...poor, categories: ['low_income'] })).toBe(20000)
    expect(pay('jingji-kunnan', { ...poor, categories: ['family_planning_special'] })).toBe(10000)
    expect(pay('jingji-kunnan', { ...poor, categories: ['family_planning_special', 'low_income'] })).toBe(20000)
    expect(pay('jingji-kunnan', { ...poor, categories: ['family_planning_special', 'min_subsistence'] })).toBe(30000)
  })
  it('does not qualify on the 经济困难 tag alone, for 特困集中供养, or under 60', () => {
    expect(pay('jingji-kunnan', { ...poor, categories: ['economically_disadvantaged'] })).toBe(0)
    expect(pay('jingji-kunnan', { ...poor, categories: ['centralized_support'] })).toBe(0)
    expect(pay('jingji-kunnan', { ...poor, categories: ['centralized_support', 'destitute'] })).toBe(0)
    expect(pay('jingji-kunnan', { birthDate: '1966-12-15', categories: ['min_subsistence'] }, '2026-12')).toBe(0) // 59
    expect(pay('jingji-kunnan', { birthDate: '1966-11-30', categories: ['min_subsistence'] }, '2026-12')).toBe(30000) // exactly 60
  })
})

describe('失能老年人护理补贴 shineng-huli and 重度残疾人护理补贴 zhongcan-huli (group care)', () => {
  const low = { birthDate: '1950-01-01', categories: ['low_income'] }
  it('pays by level', () => {
    expect(pay('shineng-huli', { ...low, abilityLevel: 1 })).toBe(0)
    expect(pay('shineng-huli', { ...low, abilityLevel: 2 })).toBe(20000)
    expect(pay('shineng-huli', { ...low, abilityLevel: 3 })).toBe(40000)
    expect(pay('shineng-huli', { ...low, abilityLevel: 4 })).toBe(60000)
    expect(pay('shineng-huli', { ...low, abilityLevel: null })).toBe(0)
  })
  it('needs one of the five poverty codes and age 60', () => {
    for (const c of ['destitute', 'dispersed_support', 'min_subsistence', 'near_min_subsistence', 'low_income']) {
      expect(pay('shineng-huli', { birthDate: '1950-01-01', categories: [c], abilityLevel: 3 })).toBe(40000)
    }
    expect(pay('shineng-huli', { birthDate: '1950-01-01', categories: ['family_planning_special'], abilityLevel: 3 })).toBe(0)
    expect(pay('shineng-huli', { birthDate: '1950-01-01', categories: ['centralized_support'], abilityLevel: 3 })).toBe(0)
    expect(pay('shineng-huli', { birthDate: '1970-01-01', categories: ['low_income'], abilityLevel: 3 })).toBe(0)
  })
  it('重度残疾 pays 17900 at any age, but not to 特困 persons', () => {
    expect(pay('zhongcan-huli', { birthDate: '1990-01-01', categories: ['severe_disability'] })).toBe(17900)
    for (const c of ['destitute', 'dispersed_support', 'centralized_support']) expect(pay('zhongcan-huli', { categories: ['severe_disability', c] })).toBe(0)
    expect(pay('zhongcan-huli', { categories: ['disabled'] })).toBe(0)
  })
  it('择高: the higher of the two is chosen, the other stays eligible with its amount', () => {
    const both = run({ birthDate: '1950-01-01', categories: ['severe_disability', 'low_income'], abilityLevel: 2 })
    expect(both['shineng-huli']).toMatchObject({ eligible: true, amountFen: 20000, chosen: true })
    expect(both['zhongcan-huli']).toMatchObject({ eligible: true, amountFen: 17900, chosen: false })
    const onlyDisability = run({ birthDate: '1950-01-01', categories: ['severe_disability', 'low_income'], abilityLevel: 1 })
    expect(onlyDisability['shineng-huli']).toMatchObject({ eligible: false, amountFen: 0, chosen: false })
    expect(onlyDisability['zhongcan-huli']).toMatchObject({ eligible: true, amountFen: 17900, chosen: true })
  })
})

describe('失能老年人养老服务消费补贴 xiaofei-quan', () => {
  it('pays vouchers by level from age 60, outside any group', () => {
    expect(pay('xiaofei-quan', { birthDate: '1950-01-01', abilityLevel: 2 })).toBe(30000)
    expect(pay('xiaofei-quan', { birthDate: '1950-01-01', abilityLevel: 3 })).toBe(50000)
    expect(pay('xiaofei-quan', { birthDate: '1950-01-01', abilityLevel: 4 })).toBe(80000)
    expect(pay('xiaofei-quan', { birthDate: '1950-01-01', abilityLevel: 1 })).toBe(0)
    expect(pay('xiaofei-quan', { birthDate: '1966-12-15', abilityLevel: 4 })).toBe(0)
    expect(run({ birthDate: '1950-01-01', abilityLevel: 4 })['xiaofei-quan'].chosen).toBe(true)
  })
})
