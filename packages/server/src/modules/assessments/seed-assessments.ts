import { gbt42195ItemCodes, gbt42195ItemsByCode, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { actorForUser, findActiveUsersByRole, getUsersBrief } from '../accounts/index.js'
import { eldersInScopeForRules } from '../elders/index.js'
import { reviewAssessment } from './review-assessment.js'
import { saveAnswers } from './save-answers.js'
import { scheduleAssessment } from './schedule-assessment.js'
import { startAssessment } from './start-assessment.js'
import { submitAssessment } from './submit-assessment.js'

/** Deterministic numbers (mulberry32), so every fresh demo database looks the same. */
function seededRandom(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DISTRICT_PREFIX = '620702'
export const DEMO_ASSESSMENT_COUNT = 24

/**
 * Demo results walked through the real use cases (so audit rows, history and events exist):
 * a few elders per street assessed 10–13 months ago, so the statistics have data and the
 * reassessment list shows due-soon and overdue cases.
 */
export async function seedAssessments(ctx: Ctx) {
  const today = todayInShanghai(ctx.clock.now())
  // Up to three candidates per street/township, then taken round-robin so every street has
  // results whatever order the elders come in (tests rely on each street having some).
  const byStreet = new Map<string, { elderId: string; regionCode: string }[]>()
  for await (const batch of eldersInScopeForRules(ctx.db, DISTRICT_PREFIX, today, 500)) {
    for (const e of batch) {
      if (e.facts.status !== 'active') continue
      const list = byStreet.get(e.regionCode.slice(0, 9)) ?? []
      if (list.length < 3) list.push({ elderId: e.elderId, regionCode: e.regionCode })
      byStreet.set(e.regionCode.slice(0, 9), list)
    }
  }
  const streets = [...byStreet.keys()].sort()
  const picked: { elderId: string; regionCode: string }[] = []
  for (let round = 0; round < 3; round++) {
    for (const street of streets) {
      const e = byStreet.get(street)![round]
      if (e && picked.length < DEMO_ASSESSMENT_COUNT) picked.push(e)
    }
  }
  const rnd = seededRandom(4219)
  for (const [i, e] of picked.slice(0, DEMO_ASSESSMENT_COUNT).entries()) {
    const street = e.regionCode.slice(0, 9)
    const [assessorUser] = await findActiveUsersByRole(ctx.db, 'assessor', street)
    const [officerUser] = (await findActiveUsersByRole(ctx.db, 'street_officer', street)).filter((u) => u.scopePrefix === street)
    if (!assessorUser || !officerUser) continue
    const assessor = await actorForUser(ctx.db, assessorUser.id)
    const officer = await actorForUser(ctx.db, officerUser.id)
    if (!assessor || !officer) continue
    // Assessed between 5 and 13 months ago: some are due soon or overdue for the yearly reassessment.
    const daysAgo = 150 + Math.floor(rnd() * 245)
    const at = new Date(ctx.clock.now().getTime() - daysAgo * 86400_000)
    const past = { ...ctx, clock: { now: () => at } }
    const asA = { ...past, actor: assessor }
    const asO = { ...past, actor: officer }
    const s = await scheduleAssessment(asA, {
      elderId: e.elderId,
      scale: 'gbt42195_2022',
      reason: i % 5 === 0 ? 'routine' : 'initial',
      scheduledDate: todayInShanghai(at),
      assessorId: assessor.userId,
    })
    await startAssessment(asA, s.id)
    // Roughly how abilities spread among assessed elders: mostly intact or mildly impaired.
    const loss = [0, 0, 0.05, 0.1, 0.15, 0.3, 0.45, 0.7][Math.floor(rnd() * 8)]!
    const items = Object.fromEntries(
      gbt42195ItemCodes.map((c) => {
        const max = gbt42195ItemsByCode[c].maxPoints
        const drop = loss === 0 ? 0 : Math.round(max * loss + rnd() * 0.8 - 0.4)
        return [c, Math.max(0, Math.min(max, max - drop))]
      }),
    )
    await saveAnswers(asA, s.id, {
      items,
      info: { riskEvents: rnd() < 0.15 ? { fall: 2 } : {}, diagnoses: rnd() < 0.2 ? [{ name: '高血压', icd10: 'I10' }] : [], coma: false },
      place: '老人家中',
      assessedAt: at.toISOString(),
      assessors: [
        { userId: assessor.userId, name: assessorUser.displayName, certificateNo: `PG${String(1000 + i)}` },
        { userId: null, name: '社区医生 马丽', certificateNo: null },
      ],
      signatures: {
        assessor1: { name: assessorUser.displayName, confirmed: true },
        assessor2: { name: '社区医生 马丽', confirmed: true },
        informant: { name: '家属', relation: '子女', confirmed: true },
      },
    })
    await submitAssessment(asA, s.id)
    await reviewAssessment({ ...asO, clock: { now: () => new Date(at.getTime() + 86400_000) } }, s.id, { decision: 'approve', note: null })
  }
}

/**
 * For other modules' demo seeds: the assessor carries out an assessment another module asked for
 * (an elder with intact abilities), the street officer approves it, and it takes effect — the
 * same use cases a person walks. Each ctx carries its actor and clock.
 */
export async function walkDemoAssessment(asAssessor: Ctx, asOfficer: Ctx, id: string) {
  const me = asAssessor.actor!
  const assessorName = (await getUsersBrief(asAssessor.db, [me.userId])).get(me.userId)?.displayName ?? me.username
  await startAssessment(asAssessor, id)
  await saveAnswers(asAssessor, id, {
    items: Object.fromEntries(gbt42195ItemCodes.map((c) => [c, gbt42195ItemsByCode[c].maxPoints])),
    info: { riskEvents: {}, diagnoses: [], coma: false },
    place: '老人家中',
    assessedAt: asAssessor.clock.now().toISOString(),
    assessors: [
      { userId: me.userId, name: assessorName, certificateNo: 'PG2001' },
      { userId: null, name: '社区医生 马丽', certificateNo: null },
    ],
    signatures: {
      assessor1: { name: assessorName, confirmed: true },
      assessor2: { name: '社区医生 马丽', confirmed: true },
      informant: { name: '家属', relation: '子女', confirmed: true },
    },
  })
  await submitAssessment(asAssessor, id)
  return reviewAssessment(asOfficer, id, { decision: 'approve', note: null })
}
