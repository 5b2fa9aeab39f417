import { and, count, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { findActiveUsersByRole } from '../accounts/index.js'
import { narrowPrefix } from '../../platform/list.js'
import { assessments } from './assessments.tables.js'
import { openStatuses } from './schedule-assessment.js'

/** Assessors who can take cases in the region (its own, its street's and the district's), with open cases. */
export async function findAssessors(ctx: Ctx, q: { regionCode?: string }) {
  requirePermission(ctx.actor, 'assessment:schedule')
  const prefix = narrowPrefix(ctx.actor, q.regionCode)
  if (prefix === null) return { items: [] }
  const target = q.regionCode ?? ctx.actor.scopeRegionCode
  const people = (await findActiveUsersByRole(ctx.db, 'assessor', prefix)).filter((u) => !q.regionCode || target.startsWith(u.scopePrefix))
  if (people.length === 0) return { items: [] }
  const open = await ctx.db
    .select({ id: assessments.assessorId, n: count() })
    .from(assessments)
    .where(
      and(
        inArray(
          assessments.assessorId,
          people.map((p) => p.id),
        ),
        inArray(assessments.status, [...openStatuses]),
      ),
    )
    .groupBy(assessments.assessorId)
  const openBy = new Map(open.map((o) => [o.id, Number(o.n)]))
  return { items: people.map((p) => ({ id: p.id, displayName: p.displayName, openCases: openBy.get(p.id) ?? 0 })) }
}
