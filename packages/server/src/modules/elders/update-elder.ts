import { updateVersioned } from '../../platform/workflow.js'
import { elderEvents } from '@yiyang/core'
import { ageOn, ELDER_MIN_AGE, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { appendHistory } from './elder-history.js'
import { idParts, nameInitials, piiValues, storedCategories } from './elder-values.js'
import { diffSnapshots, elderSnapshot, type TElderRow } from './elders.mapper.js'
import { assertDuplicateBudget, duplicateRefusal } from './duplicate-guard.js'
import { checkElderRegion, findElderByIdHash, getElderInScope } from './elders.repo.js'
import type { TUpdateElder } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { getElder } from './get-elder.js'
import { homeLocation } from './elder-location.js'

export async function updateElder(ctx: Ctx, elderId: string, input: TUpdateElder) {
  requirePermission(ctx.actor, 'elder:write')
  const actor = ctx.actor
  const today = todayInShanghai(ctx.clock.now())
  // Who, then which record, then its version: all before the duplicate lookup, so a write that
  // would be refused anyway (a stale or made-up version) cannot be used to probe ID numbers.
  const current = await getElderInScope(ctx.db, actor, elderId)
  if (current.version !== input.version) {
    await withTx(ctx, (t) =>
      appendAudit(t, {
        action: 'elder.update_rejected',
        entityType: 'elder',
        entityId: elderId,
        regionCode: current.regionCode,
        after: { reason: 'version', sentVersion: input.version, currentVersion: current.version, fields: Object.keys(input).filter((k) => k !== 'version') },
      }),
    )
    throw new AppError('CONFLICT', '该档案已被他人修改，请刷新后重试')
  }
  if (input.regionCode) await checkElderRegion(ctx.db, actor, input.regionCode)
  let id: ReturnType<typeof idParts> | undefined
  if (input.idNumber !== undefined) {
    id = idParts(ctx.crypto, input.idNumber, today)
    if ('error' in id) throw new AppError('VALIDATION_FAILED', id.error, [{ path: 'idNumber', message: id.error }])
    const age = ageOn(id.birthDate, today)
    if (age < ELDER_MIN_AGE && !input.underAgeReason) {
      const msg = `按身份证号计算未满${ELDER_MIN_AGE}周岁（${age}岁）；如确需登记，请填写原因`
      throw new AppError('VALIDATION_FAILED', msg, [{ path: 'underAgeReason', message: msg }])
    }
    if (id.hash !== current.idHash) {
      await assertDuplicateBudget(ctx, 'update')
      const other = await findElderByIdHash(ctx.db, id.hash, elderId)
      if (other) throw await duplicateRefusal(ctx, 'update', other, elderId)
    }
  }
  await withTx(ctx, async (t) => {
    const row = await getElderInScope(t.tx, actor, elderId, true)
    if (row.version !== input.version) throw new AppError('CONFLICT', '该档案已被他人修改，请刷新后重试')
    const patch: Partial<TElderRow> = { ...piiValues(ctx.crypto, input) }
    if (input.name !== undefined) Object.assign(patch, { name: input.name, nameInitials: nameInitials(input.name) })
    if (id && !('error' in id))
      Object.assign(patch, { idHash: id.hash, idEnc: ctx.crypto.encrypt(id.id), idPrefix6: id.id.slice(0, 6), birthDate: id.birthDate, sex: id.sex })
    for (const k of ['regionCode', 'hukou', 'livingArrangement', 'hasFamilyDoctor', 'familyDoctorDate', 'familyDoctorName', 'hasVisitPlan', 'note'] as const) {
      if (input[k] !== undefined) (patch as Record<string, unknown>)[k] = input[k] ?? null
    }
    if (input.categories !== undefined) patch.typedCategories = input.categories
    if (input.homeLat !== undefined || input.homeLng !== undefined) Object.assign(patch, homeLocation(input))
    if (patch.hasFamilyDoctor === false) Object.assign(patch, { familyDoctorDate: null, familyDoctorName: null })
    const next = { ...row, ...patch }
    const categories = storedCategories({
      typed: next.typedCategories,
      birthDate: next.birthDate,
      today,
      livingArrangement: next.livingArrangement,
      abilityLevel: next.abilityLevel,
      abilityScale: next.abilityScale,
      hasDementia: next.hasDementia,
    })
    const categoriesChanged = [...categories].sort().join() !== [...row.categories].sort().join()
    const updated = await updateVersioned(t, elders, elderId, row.version, {
      ...patch,
      categories,
      ...(categoriesChanged ? { lastCategoryChangeAt: ctx.clock.now() } : {}),
    })
    const before = elderSnapshot(row, ctx.crypto)
    const after = elderSnapshot(updated, ctx.crypto)
    const changes = diffSnapshots(before, after)
    if (changes.length === 0) return
    await appendHistory(t, { elderId, regionCode: updated.regionCode, action: 'updated', changes })
    await appendAudit(t, {
      action: 'elder.updated',
      entityType: 'elder',
      entityId: elderId,
      regionCode: updated.regionCode,
      before,
      after: input.underAgeReason && ageOn(updated.birthDate, today) < ELDER_MIN_AGE ? { ...after, underAgeReason: input.underAgeReason } : after,
    })
    if (categoriesChanged) {
      await recordEvent(t, {
        type: elderEvents.categoriesChanged,
        entityType: 'elder',
        entityId: elderId,
        regionCode: updated.regionCode,
        payload: { before: row.categories, after: categories },
      })
    }
    if (updated.regionCode !== row.regionCode) {
      await recordEvent(t, {
        type: elderEvents.regionChanged,
        entityType: 'elder',
        entityId: elderId,
        regionCode: updated.regionCode,
        payload: { from: row.regionCode, to: updated.regionCode },
      })
    }
  })
  return getElder(ctx, elderId)
}
