import type { Ctx } from '../../platform/context.js'
import type { TSeedTools } from '../../platform/module.js'
import { addEditionItem } from './add-edition-item.js'
import { createEdition } from './create-edition.js'
import { publishEdition } from './publish-edition.js'
import { removeEditionItem } from './remove-edition-item.js'
import { updateEditionItem } from './update-edition-item.js'
import { getEdition } from './get-edition.js'
import { demoCatalogItems, demoDraftChanges } from './catalog.seed-data.js'

export const DEMO_CATALOG_EFFECTIVE = '2026-01-01'

/**
 * The demo district's published list (effective 2026-01-01) and next year's draft with three
 * reasoned changes, built through the module's own use cases by the district's bureau admin.
 */
export async function seedCatalog(ctx: Ctx, tools: TSeedTools) {
  const bureau = await tools.actorFor('bureau_admin', '620702')
  if (!bureau) return
  const as = { ...ctx, actor: bureau }
  const first = await createEdition(as, { year: 2026, regionCode: bureau.scopeRegionCode, note: '依据甘州区基本养老服务体系建设实施方案制定' })
  for (const item of demoCatalogItems) await addEditionItem(as, first.id, { ...item, target: item.target ?? { categories: [], rule: null }, reason: '' })
  const filled = await getEdition(as, first.id)
  const published = await publishEdition(as, first.id, { effectiveDate: DEMO_CATALOG_EFFECTIVE, version: filled.version }, { allowPastDate: true })
  const next = await createEdition(as, { year: 2027, basedOnId: published.id, note: '2027年度动态调整' })
  for (const u of demoDraftChanges.update) {
    const src = demoCatalogItems.find((i) => i.code === u.code)!
    await updateEditionItem(as, next.id, u.code, { ...src, target: src.target ?? { categories: [], rule: null }, priceFen: u.priceFen, reason: u.reason })
  }
  for (const a of demoDraftChanges.add) await addEditionItem(as, next.id, a)
  for (const r of demoDraftChanges.remove) await removeEditionItem(as, next.id, r.code, { reason: r.reason })
}
