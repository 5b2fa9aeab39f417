import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { changeDraftItem } from './catalog.item-change.js'

/** Removes an item from a draft; a copied item stays as a tombstone carrying the reason. */
export async function removeEditionItem(ctx: Ctx, editionId: string, code: string, input: { reason: string }) {
  requirePermission(ctx.actor, 'catalog:manage')
  const actor = ctx.actor
  await withTx(ctx, (t) => changeDraftItem(t, actor, editionId, { kind: 'remove', code, reason: input.reason }))
  return { ok: true as const }
}
