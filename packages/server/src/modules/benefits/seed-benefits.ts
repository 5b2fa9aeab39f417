import { and, asc, eq, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { actorForUser, findActiveUsersByRole } from '../accounts/index.js'
import { regionsOfLevel } from '../regions/index.js'
import { evaluateProgramme } from '@yiyang/core'
import { eligibilityFactsByIds } from '../elders/index.js'
import { acceptApplication } from './accept-application.js'
import { decisionMonth, getProgramme } from './benefits.repo.js'
import { addVerification } from './add-verification.js'
import { approveApplication } from './approve-application.js'
import { benefitCandidates } from './benefits.tables.js'
import { createApplication } from './create-application.js'
import { getApplication } from './get-application.js'
import { closeNoticeIfDue } from './open-notice.js'
import { streetReviewApplication } from './street-review-application.js'
import { submitApplication } from './submit-application.js'

const DAY = 86400_000

/**
 * Demo cases walked through the real use cases (audit rows, timeline, events), per street in
 * the community worker's village: one 高龄津贴 granted after its 公示, one in 公示 now (the
 * public page has names), one filed twelve days ago and not yet accepted (overdue).
 */
export async function seedBenefits(ctx: Ctx) {
  const [bureauUser] = await findActiveUsersByRole(ctx.db, 'bureau_admin', '62')
  const bureau = bureauUser ? await actorForUser(ctx.db, bureauUser.id) : null
  if (!bureau) return
  const streets = await regionsOfLevel(ctx.db, 'township', '620702')
  const gaoling = await getProgramme(ctx.db, 'gaoling')
  for (const street of streets) {
    const prefix = street.code.slice(0, 9)
    const [workerUser] = await findActiveUsersByRole(ctx.db, 'community_worker', prefix)
    const [officerUser] = (await findActiveUsersByRole(ctx.db, 'street_officer', prefix)).filter((u) => u.scopePrefix === prefix)
    if (!workerUser || !officerUser) continue
    const worker = await actorForUser(ctx.db, workerUser.id)
    const officer = await actorForUser(ctx.db, officerUser.id)
    if (!worker || !officer) continue
    const candidates = await ctx.db
      .select({ elderId: benefitCandidates.elderId })
      .from(benefitCandidates)
      .where(
        and(
          eq(benefitCandidates.programmeCode, 'gaoling'),
          eq(benefitCandidates.kind, 'eligible'),
          like(benefitCandidates.regionCode, `${worker.scopePrefix}%`),
        ),
      )
      .orderBy(asc(benefitCandidates.elderId))
      .limit(12)
    const at = (daysAgo: number) => ({ now: () => new Date(ctx.clock.now().getTime() - daysAgo * DAY) })
    // The cases start up to 20 days back, maybe in the previous month: keep elders who qualified then too.
    const facts = await eligibilityFactsByIds(
      ctx.db,
      candidates.map((c) => c.elderId),
    )
    const earliest = decisionMonth(at(20).now())
    const picks = candidates.filter((c) => evaluateProgramme(gaoling, facts.get(c.elderId)!.facts, earliest).eligible).slice(0, 3)
    const as = (actor: typeof worker, daysAgo: number): Ctx => ({ ...ctx, actor, clock: at(daysAgo) })
    for (const [i, p] of picks.entries()) {
      const start = i === 0 ? 20 : i === 1 ? 4 : 12
      let a = await createApplication(as(worker, start), { elderId: p.elderId, programmeCode: 'gaoling', note: '老人本人申请，户口簿已核' })
      a = await submitApplication(as(worker, start), a.id, a.version)
      if (i === 2) continue
      a = await acceptApplication(as(officer, start - 1), a.id, { version: a.version })
      a = await addVerification(as(worker, start - 2), a.id, { note: '入户见到老人本人，居住情况属实', photos: [] })
      a = await addVerification(as(officer, start - 2), a.id, { note: '与社区工作人员共同入户，情况属实', photos: [] })
      a = await streetReviewApplication(as(officer, start - 3), a.id, { version: a.version, note: '符合高龄津贴条件' })
      if (i === 1) continue
      await closeNoticeIfDue(ctx, a.id, a.noticeRound)
      const cur = await getApplication({ ...ctx, actor: bureau }, a.id)
      await approveApplication({ ...ctx, actor: bureau }, a.id, { version: cur.version, note: '同意' })
    }
  }
}
