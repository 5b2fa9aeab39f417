import { orderFlagLabels, todayInShanghai } from '@yiyang/core'
import { and, eq, gt, ne, sql } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import type { TDomainEvent } from '../../platform/events.js'
import type { TModuleDeps } from '../../platform/module.js'
import { elderStatusEvents } from '../elders/index.js'
import { recordOrderFlags } from './order-flags.js'
import { serviceOrders } from './orders.tables.js'

const endLabel: Record<string, string> = { deceased: '去世', moved_out: '迁出' }

/**
 * Fund anomaly (domain.md §13): an elder recorded as dead or moved out (often days later, with
 * the real date) may have orders dated after that day, open or already settled. Each is flagged
 * `after_end` for a supervisor; an open one then stops at exception on check-out, so it cannot
 * settle unseen. Idempotent per event (the flag is recorded once per order).
 */
export async function flagOrdersAfterEnd(deps: TModuleDeps, e: TDomainEvent) {
  const ctx: Ctx = {
    db: deps.database.db,
    actor: null,
    requestId: `event:${e.type}:${e.id ?? ''}`,
    ip: 'local',
    clock: deps.clock,
    config: deps.config,
    crypto: deps.crypto,
    events: deps.events,
  }
  const date = typeof e.payload.date === 'string' ? e.payload.date : todayInShanghai(ctx.clock.now())
  const status = typeof e.payload.status === 'string' ? e.payload.status : ''
  await withTx(ctx, async (t) => {
    const rows = await t.tx
      .update(serviceOrders)
      .set({ flags: sql`array_append(${serviceOrders.flags}, 'after_end')` })
      .where(
        and(
          eq(serviceOrders.elderId, e.entityId),
          gt(serviceOrders.serviceDate, date),
          ne(serviceOrders.status, 'cancelled'),
          sql`not ('after_end' = any(${serviceOrders.flags}))`,
        ),
      )
      .returning()
    for (const row of rows) {
      const detail = `老人已于 ${date} ${endLabel[status] ?? '销户'}，本工单服务日期为 ${row.serviceDate}`
      await appendAudit(t, {
        action: 'order.flagged',
        entityType: 'order',
        entityId: row.id,
        regionCode: row.regionCode,
        after: { flag: 'after_end', label: orderFlagLabels.after_end, detail },
      })
      await recordOrderFlags(t, { ...row, flags: ['after_end'] }, { after_end: detail })
    }
  })
}

export function subscribeElderStatus(deps: TModuleDeps) {
  deps.events.on(elderStatusEvents.deceased, (e) => flagOrdersAfterEnd(deps, e))
  deps.events.on(elderStatusEvents.moved_out, (e) => flagOrdersAfterEnd(deps, e))
}
