import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toItems } from './worklist-items.repo.js'
import type { TFindItems } from './worklists.schemas.js'
import { worklistItems } from './worklists.tables.js'

export async function findWorklistItems(ctx: Ctx, q: TFindItems) {
  requirePermission(ctx.actor, 'worklist:read')
  const where: (SQL | undefined)[] = [regionFilter(worklistItems.regionCode, ctx.actor, q.regionCode)]
  if (q.ruleId) where.push(eq(worklistItems.ruleId, q.ruleId))
  where.push(inArray(worklistItems.status, q.status?.length ? q.status : ['open', 'assigned']))
  if (q.mine === 'true') where.push(eq(worklistItems.assignedTo, ctx.actor.userId))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(worklistItems).where(cond).orderBy(desc(worklistItems.updatedAt), desc(worklistItems.id)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(worklistItems).where(cond),
  ])
  return pageResult(await toItems(ctx, rows), Number(total?.n ?? 0), q)
}
