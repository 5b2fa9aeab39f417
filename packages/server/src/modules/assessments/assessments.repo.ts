import { DEFAULT_DUE_SOON_DAYS, DEFAULT_REASSESSMENT_INTERVAL_MONTHS, assessmentScales, type TAssessmentScale } from '@yiyang/core'
import { and, eq, like, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../platform/errors.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { assessmentSettings, assessments } from './assessments.tables.js'
import { isAssignedAssessor, type TAssessmentRow } from './assessments.mapper.js'

export const scopeWhere = (actor: TActor): SQL => like(assessments.regionCode, scopeLike(actor.scopePrefix))

/** Scoped get: another street's assessment is NOT_FOUND, exactly like a missing one. */
export async function getAssessmentInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TAssessmentRow> {
  const q = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), scopeWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '评估记录不存在或不在您的管辖范围内')
  return row
}

/**
 * An assessor fills in only the cases assigned to them: in scope is not enough, or any
 * assessor of the street could rewrite a colleague's answers. Administrators with
 * assessment:write are not assessors and keep their override.
 */
export function requireAssignedAssessor(actor: TActor, row: Pick<TAssessmentRow, 'assessorId' | 'assessors'>) {
  if (actor.role === 'assessor' && !isAssignedAssessor(actor, row)) {
    throw new AppError('FORBIDDEN', '该评估已指派给其他评估员，只有被指派的评估员可以填写')
  }
}

export type TScaleSettings = { scale: TAssessmentScale; intervalMonths: number; dueSoonDays: number; objectionDays: number }

/** Defaults: 12 months (issue 5 item 6), 30 days due-soon, 15 days to object [OPEN]. */
export const defaultSettings = (scale: TAssessmentScale): TScaleSettings => ({
  scale,
  intervalMonths: DEFAULT_REASSESSMENT_INTERVAL_MONTHS,
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  objectionDays: 15,
})

export async function getAllSettings(db: DbOrTx): Promise<TScaleSettings[]> {
  const rows = await db.select().from(assessmentSettings)
  return assessmentScales.map((scale) => {
    const r = rows.find((x) => x.scale === scale)
    return r ? { scale, intervalMonths: r.intervalMonths, dueSoonDays: r.dueSoonDays, objectionDays: r.objectionDays } : defaultSettings(scale)
  })
}

export async function getSettings(db: DbOrTx, scale: TAssessmentScale): Promise<TScaleSettings> {
  return (await getAllSettings(db)).find((s) => s.scale === scale)!
}
