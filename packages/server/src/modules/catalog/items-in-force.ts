import { and, eq, ne } from 'drizzle-orm'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { activeItemsOf, editionInForce } from './catalog.repo.js'
import { catalogItems } from './catalog.tables.js'
import type { TItemRow } from './catalog.mapper.js'
import type { TServiceCategory, TServicePayer, TServiceUnit } from '@yiyang/core'

/** An item as other modules (orders) price it: the edition it comes from, its unit, price and payer. */
export type TItemInForce = {
  editionId: string
  editionVersionLabel: string
  code: string
  name: string
  category: TServiceCategory
  unit: TServiceUnit
  priceFen: number
  payer: TServicePayer
  /** The item's service standard (says e.g. when two caregivers are needed). */
  standard: string | null
}

const dbOf = (t: Ctx | TxCtx) => ('tx' in t ? t.tx : t.db)
const out = (e: { id: string; versionLabel: string }, i: TItemRow): TItemInForce => ({
  editionId: e.id,
  editionVersionLabel: e.versionLabel,
  code: i.code,
  name: i.name,
  category: i.category,
  unit: i.unit,
  priceFen: i.priceFen,
  payer: i.payer,
  standard: i.standard ?? null,
})

/**
 * The item of the service list in force on the service date for the region (the latest
 * published edition effective on or before the date, of the region or its nearest ancestor);
 * null when no list is in force or the item is not on it. No permission check: the calling
 * module has checked its own.
 */
export async function itemInForce(t: Ctx | TxCtx, q: { regionCode: string; itemCode: string; serviceDate: string }): Promise<TItemInForce | null> {
  const db = dbOf(t)
  const edition = await editionInForce(db, q.regionCode, q.serviceDate)
  if (!edition) return null
  const [item] = await db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.editionId, edition.id), eq(catalogItems.code, q.itemCode), ne(catalogItems.change, 'removed')))
  return item ? out(edition, item) : null
}

/** Every item of the list in force on the date for the region (empty when none is). */
export async function itemsInForce(t: Ctx | TxCtx, q: { regionCode: string; date: string }): Promise<TItemInForce[]> {
  const db = dbOf(t)
  const edition = await editionInForce(db, q.regionCode, q.date)
  if (!edition) return []
  return (await activeItemsOf(db, edition.id)).map((i) => out(edition, i))
}
