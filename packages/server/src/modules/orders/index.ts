/**
 * What other modules may use from the orders module. Import this file only.
 * Events: order.requested, order.assigned, order.checked_in, order.checked_out, order.exception,
 * order.confirmed, order.settled, order.cancelled ({ orderId, elderId, providerId, … }).
 */
import type { TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule } from '../../platform/module.js'
import { autoConfirmJob } from './auto-confirm-job.js'
import { ordersRoutes } from './orders.routes.js'
import { seedOrders } from './seed-orders.js'

export { orderEvents } from '@yiyang/core'
export { drawServiceCredit } from './draw-service-credit.js'
export { requestOrder } from './request-order.js'

export const ordersModule: TApiModule = { name: 'orders', routes: ordersRoutes, seed: seedOrders, jobs: [autoConfirmJob as TJobDefinition<never>] }
