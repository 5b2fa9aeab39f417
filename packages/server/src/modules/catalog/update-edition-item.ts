import type { z } from 'zod'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { toItem } from './catalog.mapper.js'
import { changeDraftItem } from './catalog.item-change.js'
import type { ZUpdateItem } from './catalog.schemas.js'

export async function updateEditionItem(ctx: Ctx, editionId: string, code: string, input: z.infer<typeof ZUpdateItem>) {
  requirePermission(ctx.actor, 'catalog:manage')
  const actor = ctx.actor
  const { reason, ...content } = input
  const row = await withTx(ctx, (t) => changeDraftItem(t, actor, editionId, { kind: 'update', code, content, reason }))
  return toItem(row!)
}
