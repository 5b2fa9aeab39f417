import { todayInShanghai } from '@yiyang/core'
import { and, asc, count, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import { complaintWhere, toComplaint } from './complaints.repo.js'
import { orderComplaints } from './complaints.tables.js'
import type { TFindComplaints } from './supervision.schemas.js'

/** Complaints in scope; `overdue=true` lists the open ones past their due day, most overdue first. */
export async function findComplaints(ctx: Ctx, q: TFindComplaints) {
  requirePermission(ctx.actor, 'complaint:read')
  const where: (SQL | undefined)[] = [complaintWhere(ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(orderComplaints.status, q.status))
  if (q.providerId) where.push(eq(orderComplaints.providerId, q.providerId))
  if (q.orderId) where.push(eq(orderComplaints.orderId, q.orderId))
  if (q.overdue === 'true')
    where.push(inArray(orderComplaints.status, ['lodged', 'investigating']), lt(orderComplaints.dueOn, todayInShanghai(ctx.clock.now())))
  if (q.q) where.push(or(like(orderComplaints.orderNo, containsPattern(q.q.toUpperCase())), like(orderComplaints.content, containsPattern(q.q))))
  const cond = and(...where)
  const order = q.overdue === 'true' ? [asc(orderComplaints.dueOn), asc(orderComplaints.id)] : [desc(orderComplaints.createdAt), asc(orderComplaints.id)]
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(orderComplaints)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(orderComplaints).where(cond),
  ])
  const [provider, region] = await Promise.all([
    providerNames(
      ctx.db,
      rows.map((r) => r.providerId),
    ),
    regionNames(
      ctx.db,
      rows.map((r) => r.regionCode),
    ),
  ])
  const now = ctx.clock.now()
  return pageResult(
    rows.map((r) => toComplaint(r, { provider, region }, now)),
    Number(total?.n ?? 0),
    q,
  )
}
