import { assessmentStatusesInForce } from '@yiyang/core'
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toAssessmentSummary } from './assessments.mapper.js'
import { containsPattern, pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import type { TFindAssessments } from './assessments.schemas.js'
import { assessments } from './assessments.tables.js'
import { openStatuses } from './schedule-assessment.js'

export async function findAssessments(ctx: Ctx, q: TFindAssessments) {
  requirePermission(ctx.actor, 'assessment:read')
  const actor = ctx.actor
  const where: (SQL | undefined)[] = [regionFilter(assessments.regionCode, actor, q.regionCode)]
  if (q.status) where.push(eq(assessments.status, q.status))
  if (q.statusGroup === 'open') where.push(inArray(assessments.status, [...openStatuses]))
  if (q.statusGroup === 'in_force') where.push(inArray(assessments.status, [...assessmentStatusesInForce]))
  if (q.statusGroup === 'history') where.push(inArray(assessments.status, [...assessmentStatusesInForce, 'superseded']))
  if (q.scale) where.push(eq(assessments.scale, q.scale))
  if (q.elderId) where.push(eq(assessments.elderId, q.elderId))
  if (q.assessorId) where.push(eq(assessments.assessorId, q.assessorId))
  if (q.q) where.push(sql`${assessments.elderSnapshot}->>'name' like ${containsPattern(q.q)}`)
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(assessments).where(cond).orderBy(desc(assessments.scheduledDate), desc(assessments.createdAt)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(assessments).where(cond),
  ])
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  return pageResult(
    rows.map((r) => toAssessmentSummary(r, actor, names.get(r.regionCode) ?? null)),
    Number(total?.n ?? 0),
    q,
  )
}
