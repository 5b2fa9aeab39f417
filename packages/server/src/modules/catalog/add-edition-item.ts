import type { z } from 'zod'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { toItem } from './catalog.mapper.js'
import { changeDraftItem } from './catalog.item-change.js'
import type { ZAddItem } from './catalog.schemas.js'

export async function addEditionItem(ctx: Ctx, editionId: string, input: z.infer<typeof ZAddItem>) {
  requirePermission(ctx.actor, 'catalog:manage')
  const actor = ctx.actor
  const { code, reason, ...content } = input
  const row = await withTx(ctx, (t) => changeDraftItem(t, actor, editionId, { kind: 'add', code, content, reason }))
  return toItem(row!)
}
