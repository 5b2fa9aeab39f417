import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getPlanInScope } from './dispatch.repo.js'
import { planDetail } from './plan-store.js'

/** A plan with every caregiver's day, the visits left out and why, and the greedy baseline's figures. */
export async function getPlan(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'dispatch:read')
  return planDetail(ctx.db, await getPlanInScope(ctx.db, ctx.actor, id))
}
