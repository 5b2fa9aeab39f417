import { updateVersioned } from '../../platform/workflow.js'
import { elderEvents } from '@yiyang/core'
import { todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { appendAudit } from '../../platform/audit.js'
import { appendHistory } from './elder-history.js'
import { storedCategories } from './elder-values.js'
import { elders } from './elders.tables.js'

export type TApplyAbilityLevel = {
  scale: 'gbt42195' | 'mzt039'
  level: number
  assessmentId: string
  /** "YYYY-MM-DD" the result takes effect. */
  effectiveDate: string
  /** Dementia diagnosed in the assessment → 失智. */
  hasDementiaDiagnosis?: boolean
}

/**
 * Called by the assessments module inside its own transaction when an assessment becomes
 * effective: sets the level, re-derives 失能/半失能/失智, writes history and audit, and records
 * `elder.ability_level_changed`. The caller has already checked permission and scope.
 */
export async function applyAbilityLevel(t: TxCtx, elderId: string, input: TApplyAbilityLevel) {
  const maxLevel = input.scale === 'gbt42195' ? 4 : 3
  if (!Number.isInteger(input.level) || input.level < 0 || input.level > maxLevel) throw new AppError('VALIDATION_FAILED', `能力等级应为 0–${maxLevel}`)
  const [row] = await t.tx.select().from(elders).where(eq(elders.id, elderId)).for('update')
  if (!row) throw new AppError('NOT_FOUND', '老年人档案不存在')
  const today = todayInShanghai(t.clock.now())
  const hasDementia = input.hasDementiaDiagnosis ?? false
  const categories = storedCategories({
    typed: row.typedCategories,
    birthDate: row.birthDate,
    today,
    livingArrangement: row.livingArrangement,
    abilityLevel: input.level,
    abilityScale: input.scale,
    hasDementia,
  })
  const categoriesChanged = [...categories].sort().join() !== [...row.categories].sort().join()
  const lastDate = !row.lastAssessmentDate || input.effectiveDate >= row.lastAssessmentDate ? input.effectiveDate : row.lastAssessmentDate
  await updateVersioned(t, elders, elderId, row.version, {
    abilityScale: input.scale,
    abilityLevel: input.level,
    abilityAssessmentId: input.assessmentId,
    abilityEffectiveDate: input.effectiveDate,
    hasDementia,
    categories,
    lastAssessmentDate: lastDate,
    lastAssessmentLevel: input.level,
    ...(categoriesChanged ? { lastCategoryChangeAt: t.clock.now() } : {}),
  })
  const before = { abilityLevel: row.abilityLevel, abilityScale: row.abilityScale, derivedCategories: row.categories }
  const after = {
    abilityLevel: input.level,
    abilityScale: input.scale,
    derivedCategories: categories,
    assessmentId: input.assessmentId,
    effectiveDate: input.effectiveDate,
  }
  await appendHistory(t, {
    elderId,
    regionCode: row.regionCode,
    action: 'ability',
    source: 'assessment',
    changes: [
      { field: 'abilityLevel', label: '能力等级', before: row.abilityLevel, after: input.level },
      ...(categoriesChanged ? [{ field: 'derivedCategories', label: '类别（含派生）', before: row.categories, after: categories }] : []),
    ],
  })
  await appendAudit(t, { action: 'elder.ability_level_applied', entityType: 'elder', entityId: elderId, regionCode: row.regionCode, before, after })
  await recordEvent(t, {
    type: elderEvents.abilityLevelChanged,
    entityType: 'elder',
    entityId: elderId,
    regionCode: row.regionCode,
    payload: {
      scale: input.scale,
      level: input.level,
      previousLevel: row.abilityLevel,
      assessmentId: input.assessmentId,
      effectiveDate: input.effectiveDate,
      categories,
    },
  })
  if (categoriesChanged) {
    await recordEvent(t, {
      type: elderEvents.categoriesChanged,
      entityType: 'elder',
      entityId: elderId,
      regionCode: row.regionCode,
      payload: { before: row.categories, after: categories },
    })
  }
}

/**
 * Records the date (and level) of the elder's latest completed assessment, for the screening
 * rule "特困/低保 without an assessment in the last 12 months", without changing the effective level.
 */
export async function setLastAssessment(t: TxCtx, elderId: string, input: { date: string; level: number | null }) {
  const [row] = await t.tx.select({ d: elders.lastAssessmentDate }).from(elders).where(eq(elders.id, elderId))
  if (!row) throw new AppError('NOT_FOUND', '老年人档案不存在')
  if (row.d && row.d > input.date) return
  await t.tx.update(elders).set({ lastAssessmentDate: input.date, lastAssessmentLevel: input.level }).where(eq(elders.id, elderId))
}
