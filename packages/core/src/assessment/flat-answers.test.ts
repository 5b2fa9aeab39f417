import { describe, expect, it } from 'vitest'
import { gbt42195UniformItems } from './gbt42195.js'
import { draftSubtotals, scaleSections, scoreFlatAnswers } from './flat-answers.js'

const info = { riskEvents: {}, diagnoses: [], coma: false }

describe('flat answers for both scales', () => {
  it('lists the 26 GB/T 42195 items in four dimensions and the 22 MZ/T 039 items in four', () => {
    const g = scaleSections('gbt42195_2022')
    expect(g.map((s) => s.items.length)).toEqual([8, 4, 9, 5])
    const m = scaleSections('mzt039_2013')
    expect(m.map((s) => s.items.length)).toEqual([10, 3, 4, 5])
    expect(m[0]!.items[0]!.key).toMatch(/^adl\./)
  })

  it('scores GB/T 42195 flat answers exactly like the scorer, with the level name', () => {
    const items = { ...gbt42195UniformItems(4) } as Record<string, number>
    items['B.1.1'] = 3
    const r = scoreFlatAnswers('gbt42195_2022', items, { ...info, diagnoses: [{ name: '痴呆', icd10: 'F03' }] })
    expect(r.total).toBe(89)
    expect(r.initialLevel).toBe(1)
    expect(r.finalLevel).toBe(2)
    expect(r.finalLevelName).toBe('能力中度受损')
  })

  it('scores MZ/T 039 flat answers through the grouped input', () => {
    const items: Record<string, number> = {}
    for (const sec of scaleSections('mzt039_2013'))
      for (const it of sec.items) items[it.key] = sec.id === 'adl' ? Math.max(...it.options.map((o) => o.points)) : 0
    const r = scoreFlatAnswers('mzt039_2013', items, info)
    expect(r.total).toBeNull()
    expect(r.finalLevel).toBe(0)
    expect(r.dimensions.adl).toBe(100)
  })

  it('gives partial subtotals for GB/T 42195 drafts only', () => {
    expect(draftSubtotals('gbt42195_2022', { 'B.1.1': 4, 'B.2.4': 3 })).toMatchObject({ selfCare: 4, basicMobility: 3 })
    expect(draftSubtotals('mzt039_2013', { 'adl.eating': 10 })).toBeNull()
  })
})
