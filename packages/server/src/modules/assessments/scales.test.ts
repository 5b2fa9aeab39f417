import { gbt42195UniformItems, mzt039AdlItems, mzt039MentalItems, mzt039SensoryItems, mzt039SocialItems } from '@yiyang/core'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { renderReportHtml } from './report-html.js'
import { checkDraftItems, emptyInfo, missingItems, scaleItems, scoreAnswers } from './scales.js'

/** A complete MZ/T 039 sheet with every item at its best option. */
const bestMzt = () =>
  Object.fromEntries(
    (
      [
        ['adl', mzt039AdlItems],
        ['mental', mzt039MentalItems],
        ['sensory', mzt039SensoryItems],
        ['social', mzt039SocialItems],
      ] as const
    ).flatMap(([g, defs]) => (defs as readonly { key: string; options: readonly { points: number }[] }[]).map((d) => [`${g}.${d.key}`, d.options[0]!.points])),
  )

/** The field path of the AppError thrown by fn. */
function failingPath(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e.fields?.[0]?.path
    throw e
  }
  return undefined
}

describe('scale adapter', () => {
  it('lists 26 GB/T 42195 items and 22 MZ/T 039 items', () => {
    expect(scaleItems.gbt42195_2022).toHaveLength(26)
    expect(scaleItems.mzt039_2013).toHaveLength(22)
  })

  it('accepts partial drafts and rejects unknown items and values outside the options, naming them', () => {
    expect(checkDraftItems('gbt42195_2022', { 'B.1.1': 4, 'B.2.4': null })).toEqual({ 'B.1.1': 4 })
    expect(failingPath(() => checkDraftItems('gbt42195_2022', { 'B.2.4': 4 }))).toBe('items.B.2.4')
    expect(failingPath(() => checkDraftItems('gbt42195_2022', { 'B.9.1': 1 }))).toBe('items.B.9.1')
    // MZ/T 039 ADL options are 10/5/0: 7 is not one of them.
    expect(failingPath(() => checkDraftItems('mzt039_2013', { 'adl.eating': 7 }))).toBe('items.adl.eating')
  })

  it('names the missing items in form order', () => {
    const items: Record<string, number> = gbt42195UniformItems(4)
    delete items['B.3.4']
    delete items['B.1.2']
    expect(missingItems('gbt42195_2022', items).map((m) => m.key)).toEqual(['B.1.2', 'B.3.4'])
  })

  it('derives the dementia flag from F00–F99 diagnoses and sums risk events over types', () => {
    const r = scoreAnswers('gbt42195_2022', gbt42195UniformItems(4), {
      ...emptyInfo(),
      diagnoses: [{ name: '高血压', icd10: 'I10' }],
      riskEvents: { fall: 1, wandering: 1 },
    })
    expect(r).toMatchObject({ total: 90, initialLevel: 0, finalLevel: 1 })
    const d = scoreAnswers('gbt42195_2022', gbt42195UniformItems(4), { ...emptyInfo(), diagnoses: [{ name: '痴呆', icd10: 'F03' }] })
    expect(d.finalLevel).toBe(1)
    expect(scoreAnswers('gbt42195_2022', gbt42195UniformItems(4), emptyInfo()).finalLevel).toBe(0)
  })

  it('scores MZ/T 039 through core, with coma straight to level 3', () => {
    expect(scoreAnswers('mzt039_2013', bestMzt(), emptyInfo())).toMatchObject({ total: null, initialLevel: 0, finalLevel: 0 })
    expect(scoreAnswers('mzt039_2013', bestMzt(), { ...emptyInfo(), coma: true }).finalLevel).toBe(3)
  })
})

describe('Annex C report HTML', () => {
  it('escapes user text and ticks the final level', () => {
    const html = renderReportHtml(
      {
        id: '00000000-0000-4000-8000-000000000001',
        elderId: 'e',
        elderName: '<b>王</b>',
        elderSex: 'female',
        elderBirthDate: '1940-01-01',
        regionCode: '620702001001',
        regionName: '县府街社区',
        scale: 'gbt42195_2022',
        reason: 'initial',
        status: 'effective',
        scheduledDate: '2026-01-01',
        assessorId: 'a',
        assessors: [
          { userId: 'a', name: '评估员甲', certificateNo: 'C1' },
          { userId: null, name: '医生乙', certificateNo: null },
        ],
        assessedAt: '2026-01-02T02:00:00.000Z',
        answeredCount: 26,
        itemCount: 26,
        dimensions: { selfCare: 32, basicMobility: 15, mentalState: 28, perceptionSocial: 15 },
        total: 90,
        initialLevel: 0,
        finalLevel: 1,
        finalLevelName: '能力轻度受损',
        effectiveDate: '2026-01-03',
        objectionDeadline: '2026-01-18',
        actions: [],
        version: 3,
        createdAt: '',
        updatedAt: '',
        items: {},
        info: { riskEvents: { fall: 2 }, diagnoses: [], coma: false, notes: null },
        missing: [],
        place: '家中',
        reasons: ['最终等级为能力轻度受损（1 级）'],
        signatures: { assessor1: null, assessor2: null, informant: null },
        note: null,
        submittedAt: null,
        reviewedAt: null,
        reviewerName: null,
        reviewNote: null,
        returnReason: null,
        objection: null,
        disputedId: null,
        supersedesId: null,
        supersededById: null,
        cancelReason: null,
      },
      { generatedAt: new Date('2026-01-03T00:00:00Z') },
    )
    expect(html).toContain('&lt;b&gt;王&lt;/b&gt;')
    expect(html).not.toContain('<b>王</b>')
    expect(html).toContain('86 岁')
    expect(html).toMatch(/<span class="box">✓<\/span> 1 能力轻度受损/)
    expect(html).toContain('2026年01月18日 前')
  })
})
