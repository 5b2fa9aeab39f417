import { and, eq, inArray } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { checkAssessor, insertScheduled, openStatuses } from './schedule-assessment.js'
import { assessments } from './assessments.tables.js'

export type TRequestAssessment = {
  elder: { id: string; name: string; sex: 'male' | 'female'; birthDate: string; regionCode: string }
  assessorId: string
  scheduledDate: string
  note: string
}

/**
 * Another module (benefits) needs an ability assessment for an elder it already holds in scope:
 * schedules one in the caller's transaction, or returns the one under way. Its result comes
 * back as the `assessment.effective` event.
 */
export async function requestAssessment(t: TxCtx, input: TRequestAssessment): Promise<{ id: string; created: boolean }> {
  requirePermission(t.actor, 'assessment:schedule')
  const [open] = await t.tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.elderId, input.elder.id), inArray(assessments.status, [...openStatuses])))
  if (open) return { id: open.id, created: false }
  const assessor = await checkAssessor(t.tx, input.assessorId, input.elder.regionCode, 'assessment.assessorId')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.scheduledDate)) throw fieldError('assessment.scheduledDate', '请选择评估日期')
  const names = await regionNames(t.tx, [input.elder.regionCode])
  const row = await insertScheduled(t, {
    elderId: input.elder.id,
    regionCode: input.elder.regionCode,
    elderSnapshot: {
      name: input.elder.name,
      sex: input.elder.sex,
      birthDate: input.elder.birthDate,
      idNumberMasked: '',
      regionName: names.get(input.elder.regionCode) ?? null,
    },
    scale: 'gbt42195_2022',
    reason: 'initial',
    scheduledDate: input.scheduledDate,
    assessor,
    note: input.note,
  })
  return { id: row.id, created: true }
}
