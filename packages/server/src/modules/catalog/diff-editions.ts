import {
  catalogFieldText,
  diffCatalogItems,
  describeCatalogTarget,
  serviceCategoryLabels,
  serviceUnitLabels,
  servicePayerLabels,
  todayInShanghai,
  fenToYuanString,
} from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { itemContent } from './catalog.mapper.js'
import { activeItemsOf, editionsOut, loadVisibleEdition } from './catalog.repo.js'
import { catalogItems } from './catalog.tables.js'
import type { TCatalogItemContent } from '@yiyang/core'

const summary = (i: TCatalogItemContent) =>
  `${serviceCategoryLabels[i.category]}｜${fenToYuanString(i.priceFen)} 元/${serviceUnitLabels[i.unit]}｜${servicePayerLabels[i.payer]}｜${describeCatalogTarget(i.target)}`

/** What changed from one edition to another: added, removed, changed fields (old → new) and the reason recorded in the newer one. */
export async function diffEditions(ctx: Ctx, q: { from: string; to: string }) {
  requirePermission(ctx.actor, 'catalog:read')
  const from = await loadVisibleEdition(ctx.db, ctx.actor, q.from)
  const to = await loadVisibleEdition(ctx.db, ctx.actor, q.to)
  const [a, b, tombstones] = await Promise.all([
    activeItemsOf(ctx.db, from.id),
    activeItemsOf(ctx.db, to.id),
    ctx.db
      .select({ code: catalogItems.code, reason: catalogItems.reason })
      .from(catalogItems)
      .where(and(eq(catalogItems.editionId, to.id), eq(catalogItems.change, 'removed'))),
  ])
  const reasonOf = new Map(b.map((i) => [i.code, i.change === 'unchanged' ? '' : i.reason]))
  const d = diffCatalogItems(
    a.map(itemContent),
    b.map((i) => ({ ...itemContent(i), reason: reasonOf.get(i.code) ?? '' })),
    Object.fromEntries(tombstones.map((x) => [x.code, x.reason])),
  )
  const [fromOut, toOut] = await editionsOut(ctx, ctx.db, [from, to], todayInShanghai(ctx.clock.now()))
  return {
    from: fromOut!,
    to: toOut!,
    added: d.added.map((x) => ({ code: x.code, name: x.name, reason: x.reason, summary: summary(x.item) })),
    removed: d.removed.map((x) => ({ code: x.code, name: x.name, reason: x.reason, summary: summary(x.item) })),
    changed: d.changed.map((x) => ({
      code: x.code,
      name: x.name,
      reason: x.reason,
      fields: x.fields.map((f) => ({ ...f, oldText: catalogFieldText(f.field, f.old), newText: catalogFieldText(f.field, f.new) })),
    })),
    unchanged: d.unchanged,
  }
}
