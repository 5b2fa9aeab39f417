import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getAllSettings } from './assessments.repo.js'

export async function listSettings(ctx: Ctx) {
  requirePermission(ctx.actor, 'assessment:read')
  return { items: await getAllSettings(ctx.db) }
}
