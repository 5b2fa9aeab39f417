import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { editionsOut, loadVisibleEdition } from './catalog.repo.js'

export async function getEdition(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'catalog:read')
  const row = await loadVisibleEdition(ctx.db, ctx.actor, id)
  const [out] = await editionsOut(ctx, ctx.db, [row], todayInShanghai(ctx.clock.now()))
  return out!
}
