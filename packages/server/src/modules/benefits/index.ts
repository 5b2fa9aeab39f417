/**
 * What other modules may use from the benefits module. Import this file only.
 * Events: benefit.application_submitted, benefit.application_approved, benefit.application_rejected,
 * benefit.objection_lodged, benefit.granted ({ elderId, programmeCode, amountFen, fromMonth }),
 * benefit.band_changed and benefit.stopped ({ elderId, programmeCode, stopMonth, reason }),
 * benefit.resumed ({ elderId, programmeCode, fromMonth, amountFen, reason }) when a reactivated elder's benefits come back.
 */
import { assessmentEvents, elderEvents, nextMonth, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { enqueueJob, type TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule, TModuleDeps, TSeedTools } from '../../platform/module.js'
import { benefitsRoutes } from './benefits.routes.js'
import { monthlyReviewJob, scheduleMonthlyReview } from './monthly-review.js'
import { applyAssessmentEffective } from './on-assessment-effective.js'
import { applyElderBack, applyElderLeft, eventCtx } from './on-elder-status.js'
import { closeNoticeJob } from './open-notice.js'
import { refreshAllCandidates, refreshCandidatesJob } from './refresh-candidates.js'
import { seedBenefits } from './seed-benefits.js'
import { seedServiceCredits } from './seed-service-credits.js'
import { seedProgrammes } from './seed-programmes.js'

export { benefitEvents } from '@yiyang/core'
export {
  countBenefitsDue,
  pageBenefitsDue,
  benefitsDueSql,
  benefitsBackPay,
  type TBenefitDue,
  type TBenefitBackPay,
  type TBackPayMonth,
} from './benefits-due.js'
export { paymentChecks, type TPaymentCheck } from './payment-checks.js'
export { programmeDefinitions } from './programme-definitions.js'
export { draftApplicationFor, type TDraftApplicationFor, type TDraftApplicationResult } from './draft-application-for.js'

/** Registry and assessment events that change what an elder qualifies for: a durable job recomputes that elder. */
const refreshOn = [
  elderEvents.created,
  elderEvents.deceased,
  elderEvents.movedOut,
  elderEvents.reactivated,
  elderEvents.categoriesChanged,
  elderEvents.regionChanged,
  elderEvents.abilityLevelChanged,
  assessmentEvents.effective,
]

function subscribe(deps: TModuleDeps) {
  deps.events.on(elderEvents.deceased, (e) => applyElderLeft(deps, e))
  deps.events.on(elderEvents.movedOut, (e) => applyElderLeft(deps, e))
  deps.events.on(elderEvents.reactivated, (e) => applyElderBack(deps, e))
  deps.events.on(assessmentEvents.effective, (e) => applyAssessmentEffective(deps, e))
  for (const type of refreshOn) {
    deps.events.on(type, async (e) => {
      const elderId = e.type === assessmentEvents.effective && typeof e.payload.elderId === 'string' ? e.payload.elderId : e.entityId
      await withTx(eventCtx(deps, e), (t) =>
        enqueueJob(t, {
          kind: refreshCandidatesJob.kind,
          input: { elderIds: [elderId] },
          idempotencyKey: `event:${e.id ?? `${e.type}:${elderId}`}`,
          regionCode: e.regionCode ?? null,
        }),
      )
    })
  }
}

async function seed(ctx: Ctx, tools: TSeedTools) {
  await seedProgrammes(ctx)
  await refreshAllCandidates(ctx, '62')
  await seedBenefits(ctx)
  await seedServiceCredits(ctx, tools)
  await refreshAllCandidates(ctx, '62')
  // The monthly review is a self-renewing durable timer: the first run at the start of next month.
  await scheduleMonthlyReview({ ...ctx, actor: null }, nextMonth(todayInShanghai(ctx.clock.now()).slice(0, 7)))
}

export const benefitsModule: TApiModule = {
  name: 'benefits',
  routes: benefitsRoutes,
  seed,
  subscribe,
  jobs: [monthlyReviewJob, closeNoticeJob, refreshCandidatesJob] as TJobDefinition<never>[],
}
