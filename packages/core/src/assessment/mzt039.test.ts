import { describe, expect, it } from 'vitest'
import { AssessmentInputError } from './common.js'
import {
  mzt039AdlGrade,
  mzt039LevelFromGrades,
  mzt039MentalGrade,
  mzt039SensoryGrade,
  mzt039SocialGrade,
  scoreAbilityMzt039,
  type TMzt039Input,
} from './mzt039.js'

const intact = (): TMzt039Input => ({
  adl: { eating: 10, bathing: 5, grooming: 5, dressing: 10, bowel: 10, bladder: 10, toileting: 10, transfer: 15, walking: 15, stairs: 10 },
  mental: { cognition: 0, aggression: 0, depression: 0 },
  sensory: { consciousness: 0, vision: 0, hearing: 0, communication: 0 },
  social: { livingSkills: 0, workSkills: 0, orientation: 0, personOrientation: 0, socialInteraction: 0 },
  coma: false,
  dementiaOrMentalDisorder: false,
  riskEvents30d: 0,
})

describe('MZ/T 039 dimension grades', () => {
  it.each([
    [100, 0],
    [95, 1],
    [65, 1],
    [60, 2],
    [45, 2],
    [40, 3],
    [0, 3],
  ])('grades ADL %i as %i', (score, grade) => expect(mzt039AdlGrade(score)).toBe(grade))
  it.each([
    [2, 0],
    [3, 1],
    [7, 1],
    [8, 2],
    [13, 2],
    [14, 3],
    [20, 3],
  ])('grades 社会参与 %i as %i', (score, grade) => expect(mzt039SocialGrade(score)).toBe(grade))
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [6, 3],
  ])('grades 精神状态 %i as %i', (score, grade) => expect(mzt039MentalGrade(score)).toBe(grade))
  it('grades 感知觉与沟通 by the first matching rule', () => {
    const g = (consciousness: number, vision: number, hearing: number, communication: number) =>
      mzt039SensoryGrade({ consciousness, vision, hearing, communication })
    expect(g(0, 0, 0, 0)).toBe(0)
    expect(g(0, 1, 1, 0)).toBe(0)
    expect(g(0, 2, 0, 0)).toBe(1)
    expect(g(0, 0, 0, 1)).toBe(1)
    expect(g(0, 3, 0, 0)).toBe(2)
    expect(g(0, 0, 0, 2)).toBe(2)
    expect(g(1, 0, 0, 0)).toBe(2)
    expect(g(1, 3, 3, 2)).toBe(2)
    expect(g(0, 4, 0, 0)).toBe(3)
    expect(g(1, 0, 4, 0)).toBe(3)
    expect(g(0, 0, 0, 3)).toBe(3)
    expect(g(2, 0, 0, 0)).toBe(3)
    expect(g(3, 0, 0, 0)).toBe(3)
  })
})

describe('MZ/T 039 level table', () => {
  it.each([
    [[0, 0, 0, 1], 0],
    [[0, 1, 0, 0], 1],
    [[0, 0, 0, 2], 1],
    [[1, 0, 0, 0], 1],
    [[1, 2, 2, 2], 2],
    [[1, 3, 0, 0], 2],
    [[2, 1, 0, 0], 2],
    [[2, 2, 2, 2], 3],
    [[2, 3, 1, 0], 3],
    [[3, 0, 0, 0], 3],
    [[2, 1, 1, 1], 2],
  ] as const)('maps (A,M,S,P) = %j to level %i (domain.md examples)', ([a, m, s, p], level) => {
    expect(mzt039LevelFromGrades(a, m, s, p).level).toBe(level)
  })
  it('resolves the overlaps (1,3,0,0) and (2,3,1,0) to the most severe match', () => {
    expect(mzt039LevelFromGrades(1, 3, 0, 0)).toMatchObject({ matchedLevels: [1, 2], resolution: 'most_severe' })
    expect(mzt039LevelFromGrades(2, 3, 1, 0)).toMatchObject({ matchedLevels: [2, 3], resolution: 'most_severe' })
  })
  it('uses the gap defaults: (0,0,0,3) → 1 and (2,0,0,0) → 2', () => {
    expect(mzt039LevelFromGrades(0, 0, 0, 3)).toEqual({ level: 1, matchedLevels: [], resolution: 'gap_default' })
    expect(mzt039LevelFromGrades(2, 0, 0, 0)).toEqual({ level: 2, matchedLevels: [], resolution: 'gap_default' })
  })
  it('gives every one of the 256 grade combinations a level; 9 match no rule and 60 match two', () => {
    let gaps = 0
    let overlaps = 0
    for (let a = 0; a < 4; a++)
      for (let m = 0; m < 4; m++)
        for (let s = 0; s < 4; s++)
          for (let p = 0; p < 4; p++) {
            const r = mzt039LevelFromGrades(a, m, s, p)
            expect([0, 1, 2, 3]).toContain(r.level)
            if (r.matchedLevels.length === 0) gaps++
            if (r.matchedLevels.length === 2) overlaps++
            expect(r.matchedLevels.length).toBeLessThanOrEqual(2)
          }
    expect(gaps).toBe(9)
    expect(overlaps).toBe(60)
  })
  it('never rates a worse ADL grade better (monotone in A)', () => {
    for (let a = 0; a < 3; a++)
      for (let m = 0; m < 4; m++)
        for (let s = 0; s < 4; s++)
          for (let p = 0; p < 4; p++) {
            expect(mzt039LevelFromGrades(a + 1, m, s, p).level).toBeGreaterThanOrEqual(mzt039LevelFromGrades(a, m, s, p).level)
          }
  })
})

describe('scoreAbilityMzt039', () => {
  it('rates a fully able elder as level 0', () => {
    expect(scoreAbilityMzt039(intact())).toMatchObject({
      scores: { adl: 100, mental: 0, social: 0 },
      grades: { adl: 0, mental: 0, sensory: 0, social: 0 },
      initialLevel: 0,
      finalLevel: 0,
    })
  })
  it('raises one level for dementia and once only with ≥ 2 risk events as well', () => {
    const input = { ...intact(), dementiaOrMentalDisorder: true, riskEvents30d: 2 }
    const r = scoreAbilityMzt039(input)
    expect(r).toMatchObject({ initialLevel: 0, finalLevel: 1 })
    expect(scoreAbilityMzt039({ ...intact(), riskEvents30d: 1 }).finalLevel).toBe(0)
  })
  it('sets coma to level 3 directly, also when 意识水平 is 昏迷', () => {
    expect(scoreAbilityMzt039({ ...intact(), coma: true }).finalLevel).toBe(3)
    const i = intact()
    expect(scoreAbilityMzt039({ ...i, sensory: { ...i.sensory, consciousness: 3 } }).finalLevel).toBe(3)
  })
  it('never raises an initial level 3', () => {
    const i = intact()
    const adl = { eating: 0, bathing: 0, grooming: 0, dressing: 0, bowel: 0, bladder: 0, toileting: 0, transfer: 0, walking: 0, stairs: 0 }
    const r = scoreAbilityMzt039({ ...i, adl, dementiaOrMentalDisorder: true, riskEvents30d: 3 })
    expect(r).toMatchObject({ initialLevel: 3, finalLevel: 3 })
    expect(r.reasons.some((s) => s.includes('不再提高'))).toBe(true)
  })
  it('caps the raise at 3', () => {
    const i = intact()
    // ADL 60 → grade 2, alone → gap default level 2, dementia → 3
    const adl = { ...i.adl, transfer: 0, walking: 0, stairs: 0 } as TMzt039Input['adl']
    const r = scoreAbilityMzt039({ ...i, adl, dementiaOrMentalDisorder: true })
    expect(r).toMatchObject({ scores: { adl: 60 }, initialLevel: 2, finalLevel: 3 })
  })
  it('explains the overlap resolution in the reasons', () => {
    const i = intact()
    const r = scoreAbilityMzt039({
      ...i,
      adl: { ...i.adl, stairs: 5 },
      mental: { cognition: 2, aggression: 2, depression: 0 },
    })
    expect(r.grades).toMatchObject({ adl: 1, mental: 3 })
    expect(r.finalLevel).toBe(2)
    expect(r.reasons.join('\n')).toContain('按较重者确定')
  })
  it('rejects a value not allowed for the item, naming it', () => {
    const i = intact()
    try {
      scoreAbilityMzt039({ ...i, adl: { ...i.adl, bathing: 10 } })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(AssessmentInputError)
      expect((e as AssessmentInputError).item).toBe('adl.bathing')
      expect((e as Error).message).toContain('洗澡')
    }
    expect(() => scoreAbilityMzt039({ ...i, social: { ...i.social, workSkills: 5 } })).toThrow(/工作能力/)
    expect(() => scoreAbilityMzt039({ ...i, sensory: { ...i.sensory, communication: 4 } })).toThrow(AssessmentInputError)
  })
  it('rejects a missing or unknown item', () => {
    const i = intact()
    const { stairs: _omit, ...adl } = i.adl
    expect(() => scoreAbilityMzt039({ ...i, adl: adl as TMzt039Input['adl'] })).toThrow(/adl\.stairs/)
    expect(() => scoreAbilityMzt039({ ...i, mental: { ...i.mental, mood: 1 } as TMzt039Input['mental'] })).toThrow(/mental\.mood/)
  })
})
