import { evaluateProgramme, todayInShanghai } from '@yiyang/core'
import { and, asc, eq, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import type { TSeedTools } from '../../platform/module.js'
import { walkDemoAssessment } from '../assessments/index.js'
import { eligibilityFactsByIds } from '../elders/index.js'
import { acceptApplication } from './accept-application.js'
import { addVerification } from './add-verification.js'
import { approveApplication } from './approve-application.js'
import { decisionMonth, getProgramme } from './benefits.repo.js'
import { benefitCandidates } from './benefits.tables.js'
import { createApplication } from './create-application.js'
import { getApplication } from './get-application.js'
import { recordAssessedLevel } from './on-assessment-effective.js'
import { closeNoticeIfDue } from './open-notice.js'
import { streetReviewApplication } from './street-review-application.js'
import { submitApplication } from './submit-application.js'

const DAY = 86400_000
/** The demo street whose elders hold service credits (the street of dongjie.officer / dongjie.worker). */
const STREET = '620702001'
export const DEMO_CREDIT_ELDERS = 4

/**
 * Demo 经济困难老年人养老服务补贴 (service credits), walked through the real use cases in the
 * community worker's village of 东街街道: filed, accepted with an ability assessment, verified
 * at home, assessed, street-reviewed, 7 days of 公示 and approved by the county — all in the
 * previous month, so each benefit is paid from this month. The disbursement seed then computes
 * this month and posts the credits: today these elders can buy home care with them.
 */
export async function seedServiceCredits(ctx: Ctx, tools: TSeedTools) {
  const worker = await tools.actorFor('community_worker', STREET)
  const officer = await tools.actorFor('street_officer', STREET)
  const assessor = await tools.actorFor('assessor', STREET)
  const bureau = await tools.actorFor('bureau_admin', '62')
  if (!worker || !officer || !assessor || !bureau) return
  // Approval two days before this month began: the benefit starts this month, no back pay.
  const dayOfMonth = Number(todayInShanghai(ctx.clock.now()).slice(8, 10))
  const approvedAgo = dayOfMonth + 2
  const at = (daysAgo: number) => ({ now: () => new Date(ctx.clock.now().getTime() - daysAgo * DAY) })
  const as = (actor: typeof worker, daysAgo: number): Ctx => ({ ...ctx, actor, clock: at(daysAgo) })
  const programme = await getProgramme(ctx.db, 'jingji-kunnan')
  const candidates = await ctx.db
    .select({ elderId: benefitCandidates.elderId })
    .from(benefitCandidates)
    .where(
      and(
        eq(benefitCandidates.programmeCode, 'jingji-kunnan'),
        eq(benefitCandidates.kind, 'eligible'),
        like(benefitCandidates.regionCode, `${worker.scopePrefix}%`),
      ),
    )
    .orderBy(asc(benefitCandidates.elderId))
    .limit(40)
  const facts = await eligibilityFactsByIds(
    ctx.db,
    candidates.map((c) => c.elderId),
  )
  // Eligible on the first and last day of the walk, for 200 or 300 yuan a month.
  const fits = (elderId: string) =>
    [approvedAgo + 11, approvedAgo].every((d) => {
      const r = evaluateProgramme(programme, facts.get(elderId)!.facts, decisionMonth(at(d).now()))
      return r.eligible && r.amountFen >= 20000
    })
  const picks = candidates.filter((c) => facts.has(c.elderId) && fits(c.elderId)).slice(0, DEMO_CREDIT_ELDERS)
  for (const p of picks) {
    const start = approvedAgo + 11
    let a = await createApplication(as(worker, start), { elderId: p.elderId, programmeCode: 'jingji-kunnan', note: '低保户，老人本人申请，低保证已核' })
    a = await submitApplication(as(worker, start), a.id, a.version)
    a = await acceptApplication(as(officer, start - 1), a.id, {
      version: a.version,
      assessment: { assessorId: assessor.userId, scheduledDate: todayInShanghai(at(start - 2).now()) },
    })
    a = await addVerification(as(worker, start - 2), a.id, { note: '入户见到老人本人，家庭经济困难情况属实', photos: [] })
    a = await addVerification(as(officer, start - 2), a.id, { note: '与社区工作人员共同入户，情况属实', photos: [] })
    const done = await walkDemoAssessment(as(assessor, start - 2), as(officer, start - 2), a.assessmentId!)
    // The assessment.effective event is relayed only once the server runs: record its result now.
    await recordAssessedLevel(as(officer, start - 2), { elderId: p.elderId, level: done.finalLevel!, on: done.effectiveDate!, assessmentId: done.id })
    a = await getApplication(as(officer, start - 3), a.id)
    a = await streetReviewApplication(as(officer, start - 3), a.id, { version: a.version, note: '符合经济困难老年人养老服务补贴条件' })
    await closeNoticeIfDue({ ...ctx, clock: at(approvedAgo + 1) }, a.id, a.noticeRound)
    a = await getApplication(as(bureau, approvedAgo), a.id)
    await approveApplication(as(bureau, approvedAgo), a.id, { version: a.version, note: '同意' })
  }
}
