import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, regionFilter, type TPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { loadProgrammes } from './benefits.repo.js'
import { benefitApplications, benefitObjections } from './benefits.tables.js'
import { toObjection } from './get-application.js'

/** 公示 management: objections in scope, open ones first to check. */
export async function findObjections(ctx: Ctx, q: TPageQuery & { status?: 'open' | 'upheld' | 'dismissed'; regionCode?: string }) {
  requirePermission(ctx.actor, 'benefit:read')
  const where: SQL[] = [regionFilter(benefitObjections.regionCode, ctx.actor, q.regionCode)]
  if (q.status) where.push(eq(benefitObjections.status, q.status))
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(benefitObjections).where(cond).orderBy(desc(benefitObjections.createdAt)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(benefitObjections).where(cond),
  ])
  const apps = rows.length
    ? await ctx.db
        .select()
        .from(benefitApplications)
        .where(
          inArray(
            benefitApplications.id,
            rows.map((r) => r.applicationId),
          ),
        )
    : []
  const appById = new Map(apps.map((a) => [a.id, a]))
  const programmes = new Map((await loadProgrammes(ctx.db, { includeInactive: true })).map((p) => [p.code, p.definition.name]))
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return pageResult(
    rows.map((o) => {
      const a = appById.get(o.applicationId)
      return {
        ...toObjection(ctx.crypto, o),
        elderName: a?.elderNameMasked ?? '',
        programmeName: (a && programmes.get(a.programmeCode)) ?? '',
        regionName: names.get(o.regionCode) ?? null,
        applicationVersion: a?.version ?? 0,
      }
    }),
    Number(total?.n ?? 0),
    q,
  )
}
