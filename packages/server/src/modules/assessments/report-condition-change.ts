import { assessmentEvents } from '@yiyang/core'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { getElderForActor } from '../elders/index.js'
import { maskName } from '@yiyang/core'
import { assessmentTriggers } from './assessments.tables.js'

/**
 * Service for other modules (alarms, visits): records that an elder's condition changed, so
 * the elder is due for a triggered reassessment at once. Runs in the caller's transaction.
 */
export async function recordConditionChange(t: TxCtx, v: { elderId: string; regionCode: string; elderName: string; note: string; source: string }) {
  const [row] = await t.tx
    .insert(assessmentTriggers)
    .values({ ...v, reportedBy: t.actor?.userId ?? null, reportedAt: t.clock.now() })
    .returning()
  // The note may describe health; the log keeps only that a report was made.
  await appendAudit(t, {
    action: 'assessment.condition_changed',
    entityType: 'elder',
    entityId: v.elderId,
    regionCode: v.regionCode,
    after: { triggerId: row!.id, source: v.source, elderName: maskName(v.elderName) },
  })
  await recordEvent(t, {
    type: assessmentEvents.reassessmentDue,
    entityType: 'elder',
    entityId: v.elderId,
    regionCode: v.regionCode,
    payload: { elderId: v.elderId, source: v.source, triggerId: row!.id },
  })
  return row!
}

/** Staff report a change in the elder's condition (a fall, a stroke, a hospital stay). */
export async function reportConditionChange(ctx: Ctx, input: { elderId: string; note: string }) {
  requirePermission(ctx.actor, 'assessment:schedule')
  const elder = await getElderForActor(ctx, input.elderId)
  const row = await withTx(ctx, (t) =>
    recordConditionChange(t, { elderId: elder.id, regionCode: elder.regionCode, elderName: elder.name, note: input.note, source: 'manual' }),
  )
  return { id: row.id, elderId: row.elderId, reportedAt: row.reportedAt.toISOString() }
}
