import { describeCatalogTarget, todayInShanghai } from '@yiyang/core'
import { and, asc, count, eq, ne, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset } from '../../platform/list.js'
import { regionNames } from '../regions/index.js'
import { targetOf } from './catalog.mapper.js'
import { countSql, editionInForce } from './catalog.repo.js'
import type { TPublicQuery } from './catalog.schemas.js'
import { catalogEditions, catalogItems } from './catalog.tables.js'
import { itemSearch } from './find-edition-items.js'

/**
 * The portal's service list (no login): the list in force today for a region, drafts never.
 * Only the list's own public fields; nothing about who wrote it.
 */
export async function findPublicCatalog(ctx: Ctx, q: TPublicQuery) {
  const today = todayInShanghai(ctx.clock.now())
  const regionCode = q.regionCode ?? (await defaultPublicRegion(ctx))
  const edition = regionCode ? await editionInForce(ctx.db, regionCode, today) : null
  if (!edition) return { edition: null, items: [], total: 0, page: q.page, pageSize: q.pageSize, categoryCounts: {} }
  const base: SQL[] = [eq(catalogItems.editionId, edition.id), ne(catalogItems.change, 'removed')]
  const where = [...base]
  if (q.category) where.push(eq(catalogItems.category, q.category))
  if (q.q) where.push(itemSearch(q.q))
  const [rows, [total], cats, names] = await Promise.all([
    ctx.db
      .select()
      .from(catalogItems)
      .where(and(...where))
      .orderBy(asc(catalogItems.sortOrder), asc(catalogItems.code))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db
      .select({ n: countSql })
      .from(catalogItems)
      .where(and(...where)),
    ctx.db
      .select({ category: catalogItems.category, n: count() })
      .from(catalogItems)
      .where(and(...base))
      .groupBy(catalogItems.category),
    regionNames(ctx.db, [edition.regionCode]),
  ])
  return {
    edition: {
      title: edition.title,
      versionLabel: edition.versionLabel,
      regionCode: edition.regionCode,
      regionName: names.get(edition.regionCode) ?? '',
      effectiveDate: edition.effectiveDate!,
    },
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      category: r.category,
      content: r.content,
      standard: r.standard,
      unit: r.unit,
      priceFen: r.priceFen,
      targetText: describeCatalogTarget(targetOf(r)),
      payer: r.payer,
      legalBasis: r.legalBasis,
    })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    categoryCounts: Object.fromEntries(cats.map((c) => [c.category, Number(c.n)])),
  }
}

/** Regions that publish a list in force today (the portal's region choice). */
export async function findPublicCatalogRegions(ctx: Ctx) {
  const today = todayInShanghai(ctx.clock.now())
  const rows = await ctx.db.selectDistinct({ regionCode: catalogEditions.regionCode }).from(catalogEditions).where(eq(catalogEditions.status, 'published'))
  const codes = []
  for (const r of rows) if (await editionInForce(ctx.db, r.regionCode, today)) codes.push(r.regionCode)
  const names = await regionNames(ctx.db, codes)
  return { items: codes.sort().map((code) => ({ code, name: names.get(code) ?? code })) }
}

async function defaultPublicRegion(ctx: Ctx): Promise<string | null> {
  const { items } = await findPublicCatalogRegions(ctx)
  return items[0]?.code ?? null
}
