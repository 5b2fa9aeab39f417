import { and, count, desc, eq, ilike, like, or, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toUserResponse } from './accounts.mapper.js'
import type { TFindUsers } from './accounts.schemas.js'
import { users } from './accounts.tables.js'

export async function findUsers(ctx: Ctx, q: TFindUsers) {
  requirePermission(ctx.actor, 'user:read')
  const actor = ctx.actor
  const where: (SQL | undefined)[] = [
    actor.role === 'provider_admin' && actor.providerId ? eq(users.providerId, actor.providerId) : like(users.scopePrefix, scopeLike(actor.scopePrefix)),
  ]
  if (q.q) {
    const pattern = containsPattern(q.q)
    where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)))
  }
  if (q.role) where.push(eq(users.role, q.role))
  if (q.isActive !== undefined) where.push(eq(users.isActive, q.isActive))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(users).where(cond).orderBy(desc(users.createdAt), users.username).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(users).where(cond),
  ])
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.scopeRegionCode),
  )
  return pageResult(
    rows.map((r) => toUserResponse(r, names.get(r.scopeRegionCode))),
    Number(total?.n ?? 0),
    q,
  )
}
