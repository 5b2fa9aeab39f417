import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { loadOrderSettings } from './order-settings.js'

export async function getOrderSettings(ctx: Ctx) {
  requirePermission(ctx.actor, 'order:read')
  return loadOrderSettings(ctx.db)
}
