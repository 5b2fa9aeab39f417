import { pickEditionInForce, regionAncestors, isValidRegionCode } from '@yiyang/core'
import { and, eq, inArray, like, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { can, scopeLike, type TActor } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toEdition, type TEditionRow } from './catalog.mapper.js'
import { catalogEditions, catalogItems } from './catalog.tables.js'

/** The region and its ancestors, nearest first (where the list in force is looked for). */
export function regionChain(regionCode: string): string[] {
  if (!isValidRegionCode(regionCode)) return []
  return [regionCode, ...regionAncestors(regionCode).reverse()]
}

/**
 * Editions a staff member sees: those issued inside their scope, and the lists of the regions
 * above it (the lists in force for them). Another street's list is out of scope: not found.
 */
export function visibleEditions(actor: TActor): SQL {
  const ancestors = regionAncestors(actor.scopeRegionCode)
  return or(like(catalogEditions.regionCode, scopeLike(actor.scopePrefix)), ancestors.length ? inArray(catalogEditions.regionCode, ancestors) : undefined)!
}

/** An edition the actor sees, or NOT_FOUND exactly like a missing one. */
export async function loadVisibleEdition(db: DbOrTx, actor: TActor, id: string, opts: { forUpdate?: boolean } = {}): Promise<TEditionRow> {
  const q = db
    .select()
    .from(catalogEditions)
    .where(and(eq(catalogEditions.id, id), visibleEditions(actor)))
  const [row] = opts.forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '服务清单版本不存在或不在您的管辖范围内')
  return row
}

export const mayManage = (actor: TActor, e: Pick<TEditionRow, 'regionCode' | 'status'>) =>
  can(actor, 'catalog:manage') && e.regionCode.startsWith(actor.scopePrefix) && e.status === 'draft'

/** A draft the actor may change: published lists never change (Chinese reason), a parent's list is not theirs. */
export function assertEditableDraft(actor: TActor, e: TEditionRow) {
  if (e.status === 'published') throw new AppError('CONFLICT', `“${e.title}”已发布，已发布的服务清单不可修改；如需调整，请基于它新建版本`)
  if (e.status === 'discarded') throw new AppError('CONFLICT', `“${e.title}”已作废，不能再修改`)
  if (!e.regionCode.startsWith(actor.scopePrefix)) throw new AppError('FORBIDDEN', '上级部门发布的服务清单只能由上级部门修改')
}

/** Published editions of the region chain effective on or before the date. */
export async function publishedEditionsOf(db: DbOrTx, chain: string[], date: string): Promise<TEditionRow[]> {
  if (!chain.length) return []
  return db
    .select()
    .from(catalogEditions)
    .where(and(inArray(catalogEditions.regionCode, chain), eq(catalogEditions.status, 'published'), lte(catalogEditions.effectiveDate, date)))
}

/** The edition in force on a date for a region (its own or its nearest ancestor's). */
export async function editionInForce(db: DbOrTx, regionCode: string, date: string): Promise<TEditionRow | null> {
  const chain = regionChain(regionCode)
  return pickEditionInForce(await publishedEditionsOf(db, chain, date), chain, date)
}

/** Items of an edition, tombstones of removed items left out. */
export const activeItemsOf = (db: DbOrTx, editionId: string) =>
  db
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.editionId, editionId), ne(catalogItems.change, 'removed')))
    .orderBy(catalogItems.sortOrder, catalogItems.code)

/** Editions as the API shows them: region names, the label of the base, whether in force, whether the actor may manage it. */
export async function editionsOut(ctx: Ctx, db: DbOrTx, rows: TEditionRow[], today: string) {
  const names = await regionNames(
    db,
    rows.map((r) => r.regionCode),
  )
  const baseIds = [...new Set(rows.map((r) => r.basedOnId).filter((x): x is string => !!x))]
  const bases = baseIds.length
    ? await db
        .select({ id: catalogEditions.id, title: catalogEditions.title, versionLabel: catalogEditions.versionLabel })
        .from(catalogEditions)
        .where(inArray(catalogEditions.id, baseIds))
    : []
  const baseLabel = new Map(bases.map((b) => [b.id, b.title]))
  const regions = [...new Set(rows.map((r) => r.regionCode))]
  const inForceIds = new Set<string>()
  if (regions.length) {
    const pub = await db
      .select()
      .from(catalogEditions)
      .where(and(inArray(catalogEditions.regionCode, regions), eq(catalogEditions.status, 'published'), lte(catalogEditions.effectiveDate, today)))
    for (const region of regions) {
      const e = pickEditionInForce(pub, [region], today)
      if (e) inForceIds.add(e.id)
    }
  }
  return rows.map((r) =>
    toEdition(r, {
      regionName: names.get(r.regionCode) ?? null,
      basedOnLabel: r.basedOnId ? (baseLabel.get(r.basedOnId) ?? null) : null,
      inForce: inForceIds.has(r.id),
      canManage: !!ctx.actor && mayManage(ctx.actor, r),
    }),
  )
}

export const countSql = sql<number>`count(*)::int`
