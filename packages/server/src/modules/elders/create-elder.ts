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
import { diffSnapshots, elderSnapshot } from './elders.mapper.js'
import { assertDuplicateBudget, duplicateRefusal } from './duplicate-guard.js'
import { checkElderRegion, findElderByIdHash } from './elders.repo.js'
import { ZCreateElder, type TCreateElder } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { getElder } from './get-elder.js'
import { homeLocation } from './elder-location.js'

export async function createElder(ctx: Ctx, raw: TCreateElder) {
  requirePermission(ctx.actor, 'elder:write')
  const actor = ctx.actor
  const input = ZCreateElder.parse(raw)
  const today = todayInShanghai(ctx.clock.now())
  const id = idParts(ctx.crypto, input.idNumber, today)
  if ('error' in id) throw new AppError('VALIDATION_FAILED', id.error, [{ path: 'idNumber', message: id.error }])
  const age = ageOn(id.birthDate, today)
  if (age < ELDER_MIN_AGE && !input.underAgeReason) {
    const msg = `按身份证号计算未满${ELDER_MIN_AGE}周岁（${age}岁）；如确需登记，请填写原因`
    throw new AppError('VALIDATION_FAILED', msg, [{ path: 'underAgeReason', message: msg }])
  }
  await checkElderRegion(ctx.db, actor, input.regionCode)
  // Budget before the lookup: past it, the answer is 429 whether or not the number exists.
  await assertDuplicateBudget(ctx, 'create')
  const existing = await findElderByIdHash(ctx.db, id.hash)
  if (existing) throw await duplicateRefusal(ctx, 'create', existing)
  const created = await withTx(ctx, async (t) => {
    const [row] = await t.tx
      .insert(elders)
      .values({
        regionCode: input.regionCode,
        name: input.name,
        nameInitials: nameInitials(input.name),
        idHash: id.hash,
        idEnc: ctx.crypto.encrypt(id.id),
        idPrefix6: id.id.slice(0, 6),
        birthDate: id.birthDate,
        sex: id.sex,
        hukou: input.hukou,
        livingArrangement: input.livingArrangement,
        typedCategories: input.categories,
        categories: storedCategories({ typed: input.categories, birthDate: id.birthDate, today, livingArrangement: input.livingArrangement }),
        ...piiValues(ctx.crypto, input),
        hasFamilyDoctor: input.hasFamilyDoctor,
        familyDoctorDate: input.hasFamilyDoctor ? (input.familyDoctorDate ?? null) : null,
        familyDoctorName: input.hasFamilyDoctor ? (input.familyDoctorName ?? null) : null,
        hasVisitPlan: input.hasVisitPlan,
        note: input.note ?? null,
        ...homeLocation(input),
        lastCategoryChangeAt: input.categories.length ? ctx.clock.now() : null,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning()
    if (!row) return null // registered by someone else a moment ago: answered below, after the rollback
    const snap = { ...elderSnapshot(row, ctx.crypto), ...(age < ELDER_MIN_AGE ? { underAgeReason: input.underAgeReason } : {}) }
    await appendHistory(t, { elderId: row.id, regionCode: row.regionCode, action: 'created', changes: diffSnapshots(null, snap) })
    await appendAudit(t, { action: 'elder.created', entityType: 'elder', entityId: row.id, regionCode: row.regionCode, after: snap })
    await recordEvent(t, {
      type: elderEvents.created,
      entityType: 'elder',
      entityId: row.id,
      regionCode: row.regionCode,
      payload: { categories: row.categories },
    })
    return row
  })
  if (!created) {
    const other = await findElderByIdHash(ctx.db, id.hash)
    throw other ? await duplicateRefusal(ctx, 'create', other) : new AppError('CONFLICT', '保存时发生冲突，请重试')
  }
  return getElder(ctx, created.id)
}
