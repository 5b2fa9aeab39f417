/**
 * Daily dispatch plans (issue 20): the solver behind the dispatcher's screen. Import this file only.
 * Other modules: the web plan screen calls the HTTP API (docs/dispatch.md).
 */
import type { TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule } from '../../platform/module.js'
import { dispatchRoutes } from './dispatch.routes.js'
import { planJob } from './plan-job.js'

export { haversineMinutes, osrmMinutes, travelMatrix } from './travel.js'

export const dispatchModule: TApiModule = { name: 'dispatch', routes: dispatchRoutes, jobs: [planJob as TJobDefinition<never>] }
