import { canTakeStep, type TApplicationStatus, type TIsWorkingDay, type TProgramme } from '@yiyang/core'
import type { TxCtx } from '../../platform/context.js'
import { applicationStep } from './benefits.repo.js'
import type { TApplicationRow } from './benefits.mapper.js'

/**
 * The assessment may take effect before or after home verification: whichever comes last moves
 * the case on to 已完成评估. A system step (no actor), in the caller's transaction.
 */
export async function advanceIfAssessed(t: TxCtx, programme: TProgramme, row: TApplicationRow, isWorkingDay: TIsWorkingDay) {
  if (!programme.needsAssessment || row.assessmentLevel === null) return row
  if (!canTakeStep(programme, 'assess', row.status as TApplicationStatus)) return row
  return applicationStep({ ...t, actor: null }, { programme, action: 'assess', before: row, isWorkingDay, extra: { assessmentLevel: row.assessmentLevel } })
}
