/**
 * What other modules may use from the orders module. Import this file only.
 * Events: order.requested, order.assigned, order.checked_in, order.checked_out, order.exception,
 * order.confirmed, order.settled, order.cancelled ({ orderId, elderId, providerId, … }).
 */
import type { TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule } from '../../platform/module.js'
import { autoConfirmJob } from './auto-confirm-job.js'
import { ordersRoutes } from './orders.routes.js'
import { mealsRoutes } from './meals.routes.js'
import { subscribeElderStatus } from './on-elder-status.js'
import { seedOrders } from './seed-orders.js'
import { scheduleCurrentStarRating, starRatingJob } from './star-rating-job.js'
import { seedMeals } from './seed-meals.js'

export { orderEvents } from '@yiyang/core'
export { drawServiceCredit } from './draw-service-credit.js'
export {
  assignFromPlan,
  releaseFromPlan,
  updatePlannedTimes,
  ordersByIds,
  ordersForPlanning,
  plannableStatuses,
  startedStatuses,
  type TOrderForPlan,
} from './for-dispatch.js'
export { requestOrder } from './request-order.js'
export type { TRequestOrder } from './orders.schemas.js'

export const ordersModule: TApiModule = {
  name: 'orders',
  routes: async (app, opts) => {
    await ordersRoutes(app, opts)
    await mealsRoutes(app, opts)
  },
  seed: async (ctx) => {
    await seedOrders(ctx)
    await seedMeals(ctx)
  },
  jobs: [autoConfirmJob as TJobDefinition<never>, starRatingJob],
  subscribe: subscribeElderStatus,
  // The monthly star rating (等级评定) chains itself; at start the current month's run is scheduled once.
  start: async (deps) => {
    await scheduleCurrentStarRating({
      db: deps.database.db,
      actor: null,
      requestId: 'system',
      ip: 'local',
      clock: deps.clock,
      config: deps.config,
      crypto: deps.crypto,
      events: deps.events,
    })
    return async () => {}
  },
}
