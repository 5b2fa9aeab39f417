import { isValidPhoneText, normalizePhoneText } from '@yiyang/core'
import { and, count, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toHotlineItems } from './hotline.repo.js'
import type { TFindHotline } from './hotline.schemas.js'
import { hotlineCalls } from './alarms.tables.js'

/** Work orders in the actor's scope, newest first; search by the caller's phone (exact) or the summary. */
export async function findHotlineCalls(ctx: Ctx, q: TFindHotline) {
  requirePermission(ctx.actor, 'hotline:handle')
  const where: (SQL | undefined)[] = [regionFilter(hotlineCalls.regionCode, ctx.actor, q.regionCode)]
  if (q.q) {
    const phone = normalizePhoneText(q.q)
    where.push(
      isValidPhoneText(phone)
        ? eq(hotlineCalls.callerPhoneHash, ctx.crypto.lookupHash(phone))
        : or(ilike(hotlineCalls.summary, containsPattern(q.q)), eq(hotlineCalls.callId, q.q)),
    )
  }
  if (q.status?.length) where.push(inArray(hotlineCalls.status, q.status))
  if (q.category) where.push(eq(hotlineCalls.category, q.category))
  if (q.from) where.push(gte(hotlineCalls.receivedAt, new Date(q.from)))
  if (q.to) where.push(lte(hotlineCalls.receivedAt, new Date(q.to)))
  if (q.overdue === 'true') where.push(inArray(hotlineCalls.status, ['ringing', 'open', 'routed']), lt(hotlineCalls.deadlineAt, ctx.clock.now()))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(hotlineCalls).where(cond).orderBy(desc(hotlineCalls.receivedAt), desc(hotlineCalls.id)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(hotlineCalls).where(cond),
  ])
  return pageResult(await toHotlineItems(ctx, rows), Number(total?.n ?? 0), q)
}
