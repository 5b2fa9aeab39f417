import { todayInShanghai } from '@yiyang/core'
import { and, desc, eq, like, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { countSql, editionsOut, visibleEditions } from './catalog.repo.js'
import type { TFindEditions } from './catalog.schemas.js'
import { catalogEditions } from './catalog.tables.js'

/** Editions the actor sees (own scope and the lists above it), newest first. */
export async function findEditions(ctx: Ctx, q: TFindEditions) {
  requirePermission(ctx.actor, 'catalog:read')
  const where: (SQL | undefined)[] = [visibleEditions(ctx.actor)]
  if (q.status) where.push(eq(catalogEditions.status, q.status))
  if (q.regionCode) where.push(eq(catalogEditions.regionCode, q.regionCode))
  if (q.q) where.push(or(like(catalogEditions.title, containsPattern(q.q)), like(catalogEditions.versionLabel, containsPattern(q.q))))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(catalogEditions)
      .where(cond)
      .orderBy(desc(catalogEditions.createdAt), desc(catalogEditions.id))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: countSql }).from(catalogEditions).where(cond),
  ])
  return pageResult(await editionsOut(ctx, ctx.db, rows, todayInShanghai(ctx.clock.now())), Number(total?.n ?? 0), q)
}
