import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toAssessmentDetail, type TAssessmentRow } from './assessments.mapper.js'
import { getAssessmentInScope } from './assessments.repo.js'

export async function detailOf(ctx: Ctx, row: TAssessmentRow) {
  const names = await regionNames(ctx.db, [row.regionCode])
  return toAssessmentDetail(row, ctx.actor!, names.get(row.regionCode) ?? null, ctx.crypto)
}

export async function getAssessment(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'assessment:read')
  const row = await getAssessmentInScope(ctx.db, ctx.actor, id)
  return detailOf(ctx, row)
}
