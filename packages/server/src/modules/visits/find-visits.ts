import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import { addDays } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toVisitItem } from './visits.mapper.js'
import { isVolunteer } from './visits.repo.js'
import type { TFindVisits } from './visits.schemas.js'
import { visitPlans, visits } from './visits.tables.js'

const shanghaiMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`))

/** Visits, newest first (the calendar asks for one visitor's week); notes stay on the plan page. */
export async function findVisits(ctx: Ctx, q: TFindVisits) {
  requirePermission(ctx.actor, 'visit:read')
  const where: (SQL | undefined)[] = [regionFilter(visits.regionCode, ctx.actor, q.regionCode)]
  if (isVolunteer(ctx.actor)) where.push(eq(visits.visitorId, ctx.actor.userId))
  if (q.planId) where.push(eq(visits.planId, q.planId))
  if (q.visitorId) where.push(eq(visits.visitorId, q.visitorId))
  if (q.from) where.push(gte(visits.visitedAt, shanghaiMidnight(q.from)))
  if (q.to) where.push(lt(visits.visitedAt, shanghaiMidnight(addDays(q.to, 1))))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ v: visits, elderName: visitPlans.elderName })
      .from(visits)
      .innerJoin(visitPlans, eq(visitPlans.id, visits.planId))
      .where(cond)
      .orderBy(desc(visits.visitedAt))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(visits).where(cond),
  ])
  return pageResult(
    rows.map(({ v, elderName }) => {
      const { problems: _p, actions: _a, ...item } = toVisitItem(v, null)
      return { ...item, elderName }
    }),
    Number(total?.n ?? 0),
    q,
  )
}
