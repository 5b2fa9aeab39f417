import { maskIdNumber, maskPhone, parseIdNumber, todayInShanghai } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getCaregiver } from './get-caregiver.js'
import { caregiverAuditSnapshot } from './providers.mapper.js'
import { getProviderForWrite } from './providers.repo.js'
import type { TCreateCaregiver } from './providers.schemas.js'
import { caregivers } from './providers.tables.js'

/** A caregiver joins a provider: ID number checked by core, stored encrypted; no orders until the background check passes. */
export async function createCaregiver(ctx: Ctx, input: TCreateCaregiver) {
  requirePermission(ctx.actor, 'caregiver:write')
  const actor = ctx.actor
  const caregiverId = await withTx(ctx, async (t) => {
    const provider = await getProviderForWrite(t.tx, actor, input.providerId)
    const id = parseIdNumber(input.idNumber, todayInShanghai(ctx.clock.now()))
    if (!id.ok) throw fieldError('idNumber', id.message)
    if (provider.status !== 'active') throw fieldError('providerId', '服务商未登记或已暂停，不能新增护理员')
    const idHash = ctx.crypto.lookupHash(id.id)
    const [dup] = await t.tx
      .select({ id: caregivers.id })
      .from(caregivers)
      .where(and(eq(caregivers.providerId, provider.id), eq(caregivers.idHash, idHash)))
    if (dup) throw new AppError('DUPLICATE_ID_NUMBER', '该护理员已在本单位登记', [{ path: 'idNumber', message: '该身份证号已登记' }])
    const [row] = await t.tx
      .insert(caregivers)
      .values({
        providerId: provider.id,
        regionCode: provider.regionCode,
        userId: input.userId ?? null,
        name: input.name,
        idHash,
        idEnc: ctx.crypto.encrypt(id.id),
        idMasked: maskIdNumber(id.id),
        phoneEnc: input.phone ? ctx.crypto.encrypt(input.phone) : null,
        phoneMasked: input.phone ? maskPhone(input.phone) : null,
        skills: input.skills,
        trainingHours: input.trainingHours,
        shift: input.shift ?? null,
        homeLat: input.homeLat ?? null,
        homeLng: input.homeLng ?? null,
      })
      .returning()
    await appendAudit(t, {
      action: 'caregiver.created',
      entityType: 'caregiver',
      entityId: row!.id,
      regionCode: row!.regionCode,
      after: caregiverAuditSnapshot(row!),
    })
    return row!.id
  })
  return getCaregiver(ctx, caregiverId)
}
