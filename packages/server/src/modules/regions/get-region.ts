import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requireInScope, requirePermission } from '../../platform/permissions.js'
import { getRegion as loadRegion } from './regions.repo.js'
import { regions } from './regions.tables.js'
import { AppError } from '../../platform/errors.js'

export async function getRegionWithChildren(ctx: Ctx, code: string) {
  requirePermission(ctx.actor, 'region:read')
  requireInScope(ctx.actor, code)
  const row = await loadRegion(ctx.db, code)
  if (!row) throw new AppError('NOT_FOUND')
  const children = await ctx.db.select().from(regions).where(eq(regions.parentCode, code)).orderBy(asc(regions.code))
  return { ...pick(row), children: children.map(pick) }
}

const pick = (r: typeof regions.$inferSelect) => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  kind: r.kind,
  isDemoCode: r.isDemoCode,
})
