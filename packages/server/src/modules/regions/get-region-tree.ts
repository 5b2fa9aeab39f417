import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { buildTree, regionsInScope } from './regions.repo.js'

export async function getRegionTree(ctx: Ctx) {
  requirePermission(ctx.actor, 'region:read')
  return buildTree(await regionsInScope(ctx.db, ctx.actor))
}
