import { and, asc, count, eq } from 'drizzle-orm'
import { maskName } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter, type TPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import { benefitCandidates } from './benefits.tables.js'

/** 应享未享 / 不再符合 list of one programme, in scope. */
export async function findCandidates(ctx: Ctx, q: TPageQuery & { programmeCode: string; kind: 'eligible' | 'ineligible'; regionCode?: string }) {
  requirePermission(ctx.actor, 'benefit:read')
  const cond = and(
    eq(benefitCandidates.programmeCode, q.programmeCode),
    eq(benefitCandidates.kind, q.kind),
    regionFilter(benefitCandidates.regionCode, ctx.actor, q.regionCode),
  )
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(benefitCandidates)
      .where(cond)
      .orderBy(asc(benefitCandidates.regionCode), asc(benefitCandidates.elderId))
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(benefitCandidates).where(cond),
  ])
  const elders = await elderSummariesByIds(
    ctx,
    rows.map((r) => r.elderId),
  )
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return pageResult(
    rows.map((r) => ({
      elderId: r.elderId,
      elderName: maskName(elders.get(r.elderId)?.name ?? ''),
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      programmeCode: r.programmeCode,
      kind: r.kind,
      amountFen: r.amountFen,
      month: r.month,
      computedAt: r.computedAt.toISOString(),
    })),
    Number(total?.n ?? 0),
    q,
  )
}
