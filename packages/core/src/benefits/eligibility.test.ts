import { describe, expect, it } from 'vitest'
import { evaluateProgrammes, factDayForMonth, parseEligibilityFacts, paymentAge, type TEligibilityFacts } from './eligibility.js'
import { validateProgramme, validateProgrammes, type TProgramme } from './programme.js'

const base = {
  delivery: 'cash',
  needsAssessment: false,
  homeVerification: false,
  notice: { enabled: true, days: 7 },
  deadlines: { accept: 3 },
  fundSource: 'fiscal',
  reviewCycleMonths: 12,
  summary: '说明',
  basis: '',
} as const

const prog = (code: string, group: string | null, amountFen: number, extra: Partial<TProgramme> = {}): TProgramme => ({
  ...base,
  code,
  name: code,
  group,
  eligibility: { all: [{ field: 'status', op: 'eq', value: 'active', label: '在册' }] },
  amount: { pick: 'first', tiers: [{ amountFen }] },
  ...extra,
})

const elder = (over: Partial<TEligibilityFacts> = {}): TEligibilityFacts => ({
  id: 'e1',
  birthDate: '1950-06-15',
  hukou: 'local',
  status: 'active',
  categories: [],
  abilityLevel: null,
  ...over,
})

describe('payment-month age', () => {
  it('reads the age on the last day of the month before', () => {
    expect(factDayForMonth('2026-03')).toBe('2026-02-28')
    expect(factDayForMonth('2028-03')).toBe('2028-02-29')
    expect(factDayForMonth('2026-01')).toBe('2025-12-31')
  })
  it('starts a new band the month after the birthday month', () => {
    // Born 15 June 1946: 80 on 2026-06-15.
    expect(paymentAge('1946-06-15', '2026-06')).toBe(79) // birthday in M
    expect(paymentAge('1946-06-15', '2026-07')).toBe(80) // birthday in M−1
    expect(paymentAge('1946-06-15', '2026-05')).toBe(79) // birthday in M+1
    // Born on the last day of M−1 counts.
    expect(paymentAge('1946-05-31', '2026-06')).toBe(80)
  })
  it('takes 1 March as the birthday of someone born 29 February in a common year', () => {
    expect(paymentAge('1944-02-29', '2024-03')).toBe(80) // leap year: 29 Feb 2024 is in M−1
    expect(paymentAge('1946-02-28', '2026-03')).toBe(80)
    expect(paymentAge('1948-02-29', '2028-03')).toBe(80)
    // 2026 is common: the birthday is 1 March, so the band starts in April.
    expect(paymentAge('1944-02-29', '2026-03')).toBe(81)
    expect(paymentAge('1946-02-29'.replace('1946', '1948'), '2027-03')).toBe(78)
    expect(paymentAge('1947-03-01', '2027-04')).toBe(80)
    expect(paymentAge('1944-02-29', '2025-03')).toBe(80)
    expect(paymentAge('1944-02-29', '2025-04')).toBe(81)
  })
})

describe('exclusivity (择高申领)', () => {
  it('chooses the highest amount in a group and leaves the others eligible with their amount', () => {
    const r = evaluateProgrammes([prog('a', 'care', 100), prog('b', 'care', 300), prog('c', null, 50)], elder(), '2026-12')
    expect(r.map((x) => [x.program, x.eligible, x.amountFen, x.chosen])).toEqual([
      ['a', true, 100, false],
      ['b', true, 300, true],
      ['c', true, 50, true],
    ])
  })
  it('gives a tie to the programme listed first', () => {
    const r = evaluateProgrammes([prog('a', 'care', 300), prog('b', 'care', 300)], elder(), '2026-12')
    expect(r.map((x) => x.chosen)).toEqual([true, false])
  })
  it('skips ineligible members when choosing', () => {
    const inactive = { eligibility: { all: [{ field: 'status' as const, op: 'eq' as const, value: 'deceased', label: '已故' }] } }
    const r = evaluateProgrammes([prog('a', 'care', 900, inactive), prog('b', 'care', 100)], elder(), '2026-12')
    expect(r.map((x) => [x.eligible, x.amountFen, x.chosen])).toEqual([
      [false, 0, false],
      [true, 100, true],
    ])
  })
  it('keeps the fixed key order of the CLI', () => {
    expect(Object.keys(evaluateProgrammes([prog('a', null, 1)], elder(), '2026-12')[0])).toEqual(['program', 'eligible', 'amountFen', 'chosen', 'clauses'])
  })
})

describe('amount tiers', () => {
  const tiers = [
    { when: { field: 'abilityLevel' as const, op: 'gte' as const, value: 2 }, amountFen: 200 },
    { when: { field: 'abilityLevel' as const, op: 'gte' as const, value: 3 }, amountFen: 400 },
  ]
  it('first takes the first matching row, highest the largest', () => {
    const first = prog('f', null, 0, { amount: { pick: 'first', tiers } })
    const highest = prog('h', null, 0, { amount: { pick: 'highest', tiers } })
    const r = evaluateProgrammes([first, highest], elder({ abilityLevel: 3 }), '2026-12')
    expect(r.map((x) => x.amountFen)).toEqual([200, 400])
  })
  it('is not eligible, with a clause saying so, when no tier matches', () => {
    const p = prog('x', null, 0, { amount: { pick: 'first', tiers } })
    const [r] = evaluateProgrammes([p], elder({ abilityLevel: 1 }), '2026-12')
    expect(r).toMatchObject({ eligible: false, amountFen: 0, chosen: false })
    expect(r.clauses.at(-1)).toEqual({ text: '符合任一金额档次', met: false })
  })
})

describe('clauses', () => {
  it('evaluates every clause, shows labels and the elder’s current values', () => {
    const p = prog('x', null, 100, {
      eligibility: {
        all: [
          { field: 'status', op: 'eq', value: 'active', label: '在册' },
          { field: 'age', op: 'gte', value: 80, label: '年满80周岁' },
          { field: 'abilityLevel', op: 'gte', value: 2, label: '中度失能及以上' },
          { not: { field: 'categories', op: 'contains', value: ['destitute'] }, label: '不是特困人员' },
        ],
      },
    })
    const [r] = evaluateProgrammes([p], elder({ categories: ['destitute'] }), '2026-12')
    expect(r.clauses).toEqual([
      { text: '在册', met: true },
      { text: '年满80周岁（当前：76周岁）', met: false },
      { text: '中度失能及以上（当前：无记录）', met: false },
      { text: '不是特困人员（当前：特困人员）', met: false },
    ])
  })
})

describe('validation', () => {
  it('accepts a well-formed programme and rejects bad fields with their paths', () => {
    expect(validateProgramme(prog('ok-1', null, 100)).ok).toBe(true)
    const bad = validateProgramme({ ...prog('X', null, -1), notice: { enabled: true, days: 0 }, extra: 1 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['(根)', 'code', 'amount.tiers[0].amountFen', 'notice']))
    const rule = validateProgramme(prog('ok-2', null, 1, { eligibility: { field: 'income', op: 'gt', value: 1 } as never }))
    expect(!rule.ok && rule.errors[0].path).toBe('eligibility.field')
  })
  it('rejects duplicate codes in a list', () => {
    const r = validateProgrammes([prog('aa', null, 1), prog('aa', null, 2)])
    expect(!r.ok && r.errors[0]).toMatchObject({ path: '[1].code' })
  })
  it('parses facts and names the first bad element and field', () => {
    expect(parseEligibilityFacts([elder()]).ok).toBe(true)
    const cases: [unknown, string][] = [
      [{}, '数组'],
      [[1], '第 1 个元素应为对象'],
      [[elder({ birthDate: '1950-02-30' })], 'birthDate'],
      [[elder(), elder()], 'id'],
      [[elder({ categories: ['advanced_age'] })], '未知类别代码'],
      [[elder({ abilityLevel: 5 })], 'abilityLevel'],
      [[{ ...elder(), hukou: 'x' }], 'hukou'],
      [[{ ...elder(), status: 'alive' }], 'status'],
    ]
    for (const [input, text] of cases) {
      const r = parseEligibilityFacts(input)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).toContain(text)
    }
  })
})
