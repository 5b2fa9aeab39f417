import { count, desc } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter, type TPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toBatch } from './batches.repo.js'
import { disbursementBatches } from './disbursement.tables.js'

/** Month batches inside the actor's scope, newest month first. */
export async function findBatches(ctx: Ctx, q: TPageQuery & { regionCode?: string }) {
  requirePermission(ctx.actor, 'ledger:read')
  const where = regionFilter(disbursementBatches.regionCode, ctx.actor, q.regionCode)
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(disbursementBatches)
      .where(where)
      .orderBy(desc(disbursementBatches.month), desc(disbursementBatches.seq))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(disbursementBatches).where(where),
  ])
  return pageResult(rows.map(toBatch), total!.n, q)
}
