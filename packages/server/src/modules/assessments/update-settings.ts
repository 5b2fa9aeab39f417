import type { TAssessmentScale } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { getSettings } from './assessments.repo.js'
import { assessmentSettings } from './assessments.tables.js'

/** Per-scale settings: reassessment interval, due-soon window, objection window (bureau only). */
export async function updateSettings(ctx: Ctx, scale: TAssessmentScale, v: { intervalMonths: number; dueSoonDays: number; objectionDays: number }) {
  requirePermission(ctx.actor, 'assessment:settings')
  return withTx(ctx, async (t) => {
    const before = await getSettings(t.tx, scale)
    await t.tx
      .insert(assessmentSettings)
      .values({ scale, ...v, updatedBy: t.actor!.userId, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: assessmentSettings.scale, set: { ...v, updatedBy: t.actor!.userId, updatedAt: ctx.clock.now() } })
    const after = { scale, ...v }
    await appendAudit(t, {
      action: 'assessment.settings_updated',
      entityType: 'assessment_settings',
      entityId: scale,
      regionCode: t.actor!.scopeRegionCode,
      before,
      after,
    })
    return after
  })
}
