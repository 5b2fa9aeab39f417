import { and, asc, count, eq, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toTaskItem } from './visits.mapper.js'
import type { TFindTasks } from './visits.schemas.js'
import { visitPlans, visitTasks } from './visits.tables.js'

/** Tasks raised on visits, earliest deadline first. */
export async function findTasks(ctx: Ctx, q: TFindTasks) {
  requirePermission(ctx.actor, 'visit:task')
  const where: (SQL | undefined)[] = [regionFilter(visitTasks.regionCode, ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(visitTasks.status, q.status))
  if (q.kind) where.push(eq(visitTasks.kind, q.kind))
  if (q.mine) where.push(eq(visitTasks.ownerId, ctx.actor.userId))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ t: visitTasks, elderName: visitPlans.elderName })
      .from(visitTasks)
      .leftJoin(visitPlans, eq(visitPlans.elderId, visitTasks.elderId))
      .where(cond)
      .orderBy(asc(visitTasks.dueDate), asc(visitTasks.createdAt))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(visitTasks).where(cond),
  ])
  return pageResult(
    rows.map((r) => toTaskItem(r.t, r.elderName)),
    Number(total?.n ?? 0),
    q,
  )
}
