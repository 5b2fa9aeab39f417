import { serviceCategoryLabels } from '@yiyang/core'
import { and, asc, eq, like, ne, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toItem } from './catalog.mapper.js'
import { countSql, loadVisibleEdition } from './catalog.repo.js'
import type { TFindItems } from './catalog.schemas.js'
import { catalogItems } from './catalog.tables.js'

/** Items of one edition, searchable by name, code or category name. */
export async function findEditionItems(ctx: Ctx, editionId: string, q: TFindItems) {
  requirePermission(ctx.actor, 'catalog:read')
  const edition = await loadVisibleEdition(ctx.db, ctx.actor, editionId)
  const where: (SQL | undefined)[] = [eq(catalogItems.editionId, edition.id)]
  if (q.withRemoved !== 'true') where.push(ne(catalogItems.change, 'removed'))
  if (q.category) where.push(eq(catalogItems.category, q.category))
  if (q.q) where.push(itemSearch(q.q))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(catalogItems).where(cond).orderBy(asc(catalogItems.sortOrder), asc(catalogItems.code)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: countSql }).from(catalogItems).where(cond),
  ])
  return pageResult(rows.map(toItem), Number(total?.n ?? 0), q)
}

/** Name or code contains the text, or the text names a category (助餐, 康复辅具租赁 …). */
export function itemSearch(text: string): SQL {
  const cats = Object.entries(serviceCategoryLabels)
    .filter(([, label]) => label.includes(text))
    .map(([c]) => eq(catalogItems.category, c as never))
  return or(like(catalogItems.name, containsPattern(text)), like(catalogItems.code, containsPattern(text.toUpperCase())), ...cats)!
}
