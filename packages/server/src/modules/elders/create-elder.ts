import { todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { appendHistory } from './elder-history.js'
import { idParts, nameInitials, piiValues, storedCategories } from './elder-values.js'
import { diffSnapshots, elderSnapshot } from './elders.mapper.js'
import { checkElderRegion, duplicateError, regionLabel } from './elders.repo.js'
import { ZCreateElder, type TCreateElder } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { getElder } from './get-elder.js'

export async function createElder(ctx: Ctx, raw: TCreateElder) {
  requirePermission(ctx.actor, 'elder:write')
  const actor = ctx.actor
  const input = ZCreateElder.parse(raw)
  const today = todayInShanghai(ctx.clock.now())
  const id = idParts(ctx.crypto, input.idNumber, today)
  if ('error' in id) throw new AppError('VALIDATION_FAILED', id.error, [{ path: 'idNumber', message: id.error }])
  await checkElderRegion(ctx.db, actor, input.regionCode)
  const [existing] = await ctx.db.select({ regionCode: elders.regionCode }).from(elders).where(eq(elders.idHash, id.hash))
  if (existing) throw duplicateError(await regionLabel(ctx.db, existing.regionCode))
  const created = await withTx(ctx, async (t) => {
    const [row] = await t.tx.insert(elders).values({
      regionCode: input.regionCode, name: input.name, nameInitials: nameInitials(input.name),
      idHash: id.hash, idEnc: ctx.crypto.encrypt(id.id), idPrefix6: id.id.slice(0, 6), birthDate: id.birthDate, sex: id.sex,
      hukou: input.hukou, livingArrangement: input.livingArrangement, typedCategories: input.categories,
      categories: storedCategories({ typed: input.categories, birthDate: id.birthDate, today, livingArrangement: input.livingArrangement }),
      ...piiValues(ctx.crypto, input),
      hasFamilyDoctor: input.hasFamilyDoctor, familyDoctorDate: input.hasFamilyDoctor ? input.familyDoctorDate ?? null : null,
      familyDoctorName: input.hasFamilyDoctor ? input.familyDoctorName ?? null : null, hasVisitPlan: input.hasVisitPlan, note: input.note ?? null,
      lastCategoryChangeAt: input.categories.length ? ctx.clock.now() : null,
      createdBy: actor.userId, createdAt: ctx.clock.now(), updatedAt: ctx.clock.now(),
    }).onConflictDoNothing().returning()
    if (!row) throw duplicateError(await regionLabel(t.tx, input.regionCode))
    const snap = elderSnapshot(row, ctx.crypto)
    await appendHistory(t, { elderId: row.id, regionCode: row.regionCode, action: 'created', changes: diffSnapshots(null, snap) })
    await appendAudit(t, { action: 'elder.created', entityType: 'elder', entityId: row.id, regionCode: row.regionCode, after: snap })
    await recordEvent(t, { type: 'elder.created', entityType: 'elder', entityId: row.id, regionCode: row.regionCode, payload: { categories: row.categories } })
    return row
  })
  return getElder(ctx, created.id)
}
