import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getPlanInScope } from './dispatch.repo.js'
import { diffOfPlan, toDiff } from './propose-sick.js'

/** A proposed (or decided) change of a plan in the actor's reach. */
export async function getDiff(ctx: Ctx, planId: string, diffId: string) {
  requirePermission(ctx.actor, 'dispatch:read')
  await getPlanInScope(ctx.db, ctx.actor, planId)
  const d = await diffOfPlan(ctx.db, planId, diffId)
  if (!d) throw new AppError('NOT_FOUND', '变更不存在')
  return toDiff(d)
}
