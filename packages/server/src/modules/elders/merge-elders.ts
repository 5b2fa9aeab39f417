import { updateVersioned } from '../../platform/workflow.js'
import { elderEvents } from '@yiyang/core'
import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { appendHistory } from './elder-history.js'
import { storedCategories } from './elder-values.js'
import { diffSnapshots, elderSnapshot, type TElderRow } from './elders.mapper.js'
import { getElderInScope } from './elders.repo.js'
import { elders } from './elders.tables.js'
import { getElder } from './get-elder.js'

/**
 * Merges a duplicate found later (same person registered twice, e.g. under a mistyped ID
 * number) into the kept record: empty fields are filled from the duplicate, typed categories
 * are united, and the duplicate is hidden from lists (merged_into) but kept for history.
 */
export async function mergeElders(ctx: Ctx, keepId: string, input: { duplicateId: string; reason: string }) {
  requirePermission(ctx.actor, 'elder:merge')
  const actor = ctx.actor
  if (keepId === input.duplicateId) throw new AppError('VALIDATION_FAILED', '不能与自身合并', [{ path: 'duplicateId', message: '不能与自身合并' }])
  await getElderInScope(ctx.db, actor, keepId)
  await getElderInScope(ctx.db, actor, input.duplicateId)
  const today = todayInShanghai(ctx.clock.now())
  await withTx(ctx, async (t) => {
    const keep = await getElderInScope(t.tx, actor, keepId, true)
    const dup = await getElderInScope(t.tx, actor, input.duplicateId, true)
    const patch: Partial<TElderRow> = {}
    for (const k of [
      'addressEnc',
      'addressMasked',
      'phoneEnc',
      'phoneHash',
      'phonePrefix3',
      'phoneLast4',
      'contactsEnc',
      'healthEnc',
      'familyDoctorName',
      'familyDoctorDate',
      'note',
    ] as const) {
      if (keep[k] === null && dup[k] !== null) (patch as Record<string, unknown>)[k] = dup[k]
    }
    if (!keep.hasGuardian && dup.hasGuardian) patch.hasGuardian = true
    if (!keep.hasFamilyDoctor && dup.hasFamilyDoctor) patch.hasFamilyDoctor = true
    if (!keep.hasVisitPlan && dup.hasVisitPlan) patch.hasVisitPlan = true
    const typed = [...new Set([...keep.typedCategories, ...dup.typedCategories])]
    patch.typedCategories = typed
    patch.categories = storedCategories({
      typed,
      birthDate: keep.birthDate,
      today,
      livingArrangement: keep.livingArrangement,
      abilityLevel: keep.abilityLevel,
      abilityScale: keep.abilityScale,
      hasDementia: keep.hasDementia,
    })
    const updated = await updateVersioned(t, elders, keepId, keep.version, patch)
    await updateVersioned(t, elders, dup.id, dup.version, { mergedInto: keepId, statusReason: `已合并：${input.reason}` })
    const before = elderSnapshot(keep, ctx.crypto)
    const after = elderSnapshot(updated, ctx.crypto)
    const dupSnap = elderSnapshot(dup, ctx.crypto)
    await appendHistory(t, {
      elderId: keepId,
      regionCode: keep.regionCode,
      action: 'merged',
      source: 'merge',
      changes: [...diffSnapshots(before, after), { field: 'mergedFrom', label: '合并的重复档案', before: null, after: `${dupSnap.name} ${dupSnap.idNumber}` }],
    })
    await appendHistory(t, {
      elderId: dup.id,
      regionCode: dup.regionCode,
      action: 'merged_away',
      source: 'merge',
      changes: [{ field: 'mergedInto', label: '已并入档案', before: null, after: `${after.name} ${after.idNumber}` }],
    })
    await appendAudit(t, {
      action: 'elder.merged',
      entityType: 'elder',
      entityId: keepId,
      regionCode: keep.regionCode,
      before: { kept: before, duplicate: dupSnap },
      after: { ...after, reason: input.reason, duplicateId: dup.id },
    })
    await recordEvent(t, {
      type: elderEvents.merged,
      entityType: 'elder',
      entityId: keepId,
      regionCode: keep.regionCode,
      payload: { duplicateId: dup.id, reason: input.reason },
    })
    await recordEvent(t, {
      type: elderEvents.merged,
      entityType: 'elder',
      entityId: dup.id,
      regionCode: dup.regionCode,
      payload: { mergedInto: keepId, reason: input.reason },
    })
  })
  return getElder(ctx, keepId)
}
