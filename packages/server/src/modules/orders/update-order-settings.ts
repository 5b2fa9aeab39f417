import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { loadOrderSettings } from './order-settings.js'
import type { TOrderSettings } from './orders.schemas.js'
import { orderSettings } from './orders.tables.js'

/** The check-in distance, short-visit share, lateness grace and auto-confirm days; the bureau's (order:settle). */
export async function updateOrderSettings(ctx: Ctx, input: TOrderSettings) {
  requirePermission(ctx.actor, 'order:settle')
  const actor = ctx.actor
  return withTx(ctx, async (t) => {
    const before = await loadOrderSettings(t.tx)
    await t.tx
      .insert(orderSettings)
      .values({ id: 1, ...input, updatedBy: actor.userId, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: orderSettings.id, set: { ...input, updatedBy: actor.userId, updatedAt: ctx.clock.now() } })
    await appendAudit(t, { action: 'order.settings_updated', entityType: 'order_settings', regionCode: actor.scopeRegionCode, before, after: input })
    return input
  })
}
