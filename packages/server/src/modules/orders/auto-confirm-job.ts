import { orderEvents, orderFlow } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import { withTx } from '../../platform/context.js'
import { defineJob } from '../../platform/jobs.js'
import { runStep } from '../../platform/workflow.js'
import { orderAuditSnapshot } from './orders.mapper.js'
import { addTimeline } from './order-step.js'
import { serviceOrders } from './orders.tables.js'

export const AUTO_CONFIRM_JOB = 'orders.auto_confirm'

/** N days after a clean check-out with no confirmation, the visit is confirmed without a rating (a rating never invented). */
export const autoConfirmJob = defineJob<{ orderId: string }>({
  kind: AUTO_CONFIRM_JOB,
  label: '工单自动确认',
  maxAttempts: 3,
  async run(ctx, job) {
    return withTx({ ...ctx, actor: null }, async (t) => {
      const [before] = await t.tx.select().from(serviceOrders).where(eq(serviceOrders.id, job.input.orderId)).for('update')
      if (!before || before.status !== 'checked_out') return { confirmed: false }
      const after = await runStep(t, {
        table: serviceOrders,
        step: orderFlow.confirm,
        before,
        patch: { confirmedBy: 'auto', confirmedAt: t.clock.now() },
        audit: { action: 'order.auto_confirmed', entityType: 'order', snapshot: orderAuditSnapshot },
        event: { type: orderEvents.confirmed, payload: (r) => ({ orderId: r.id, elderId: r.elderId, providerId: r.providerId, rating: null }) },
      })
      await addTimeline(t, after, 'confirm', before.status, after.status, '逾期未确认，系统自动确认（无评分）')
      return { confirmed: true }
    })
  },
})
