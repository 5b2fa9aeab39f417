/**
 * What other modules may use from care visits (探访关爱). Import this file only.
 * Events (core visitEvents): visit.plan_created, visit.plan_ended, visit.recorded,
 * visit.period_missed / escalated_community / escalated_street ({ planId, elderId, periodKey,
 * notify }), visit.red_listed, visit.task_raised ({ taskId, kind, urgent, ownerId }),
 * visit.no_care_found. A task raised on a visit becomes an order, a benefit application draft, a
 * condition change, a supporter notice or an alarm in those modules, and follows its status.
 */
import type { TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule } from '../../platform/module.js'
import { closePeriodJob, escalateJob } from './close-period.job.js'
import { subscribeElderEvents } from './on-elder-events.js'
import { subscribeLinkedEvents } from './on-linked-events.js'
import { notifySupporterJob } from './notify-supporter.job.js'
import { seedVisits } from './seed-visits.js'
import { visitsRoutes } from './visits.routes.js'

export { visitEvents } from '@yiyang/core'
export { visitFactsByElder, type TVisitFacts } from './visit-facts.js'

export const visitsModule: TApiModule = {
  name: 'visits',
  routes: visitsRoutes,
  seed: async (ctx) => {
    await seedVisits(ctx)
  },
  subscribe: (deps) => {
    subscribeElderEvents(deps)
    subscribeLinkedEvents(deps)
  },
  jobs: [closePeriodJob as TJobDefinition<never>, escalateJob as TJobDefinition<never>, notifySupporterJob as TJobDefinition<never>],
}
