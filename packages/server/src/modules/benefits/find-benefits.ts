import { and, count, desc, eq, lte, type SQL } from 'drizzle-orm'
import { maskName } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import { loadProgrammes } from './benefits.repo.js'
import { toBenefit } from './benefits.mapper.js'
import type { TFindBenefits } from './benefits.schemas.js'
import { benefits } from './benefits.tables.js'

/** Benefits in scope; `reviewDue` = the yearly review due list up to that month. */
export async function findBenefits(ctx: Ctx, q: TFindBenefits) {
  requirePermission(ctx.actor, 'benefit:read')
  const where: SQL[] = [regionFilter(benefits.regionCode, ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(benefits.status, q.status))
  if (q.programmeCode) where.push(eq(benefits.programmeCode, q.programmeCode))
  if (q.reviewDue) where.push(eq(benefits.status, 'active'), lte(benefits.nextReviewMonth, q.reviewDue))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(benefits).where(cond).orderBy(desc(benefits.createdAt), desc(benefits.id)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(benefits).where(cond),
  ])
  const programmes = new Map((await loadProgrammes(ctx.db, { includeInactive: true })).map((p) => [p.code, p.definition]))
  const elders = await elderSummariesByIds(
    ctx,
    rows.map((r) => r.elderId),
  )
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  const items = rows.map((r) => {
    const e = elders.get(r.elderId)
    return toBenefit(r, programmes.get(r.programmeCode), names.get(r.regionCode) ?? null, e ? maskName(e.name) : null)
  })
  return pageResult(items, Number(total?.n ?? 0), q)
}
