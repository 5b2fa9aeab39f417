import { assessmentStatusesInForce } from '@yiyang/core'
import { and, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toAssessmentSummary } from './assessments.mapper.js'
import { filterPrefix } from './assessments.repo.js'
import type { TFindAssessments } from './assessments.schemas.js'
import { assessments } from './assessments.tables.js'
import { openStatuses } from './schedule-assessment.js'

export async function findAssessments(ctx: Ctx, q: TFindAssessments) {
  requirePermission(ctx.actor, 'assessment:read')
  const actor = ctx.actor
  const prefix = await filterPrefix(ctx.db, actor, q.regionCode)
  const where: (SQL | undefined)[] = [like(assessments.regionCode, scopeLike(prefix))]
  if (q.status) where.push(eq(assessments.status, q.status))
  if (q.statusGroup === 'open') where.push(inArray(assessments.status, [...openStatuses]))
  if (q.statusGroup === 'in_force') where.push(inArray(assessments.status, [...assessmentStatusesInForce]))
  if (q.statusGroup === 'history') where.push(inArray(assessments.status, [...assessmentStatusesInForce, 'superseded']))
  if (q.scale) where.push(eq(assessments.scale, q.scale))
  if (q.elderId) where.push(eq(assessments.elderId, q.elderId))
  if (q.assessorId) where.push(eq(assessments.assessorId, q.assessorId))
  if (q.q) where.push(sql`${assessments.elderSnapshot}->>'name' like ${'%' + q.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%'}`)
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(assessments).where(cond).orderBy(desc(assessments.scheduledDate), desc(assessments.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(assessments).where(cond),
  ])
  const names = await regionNames(ctx.db, rows.map((r) => r.regionCode))
  return { items: rows.map((r) => toAssessmentSummary(r, actor, names.get(r.regionCode) ?? null)), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize }
}
