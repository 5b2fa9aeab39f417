import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getCaregiver } from './get-caregiver.js'
import { getCaregiverInScope } from './providers.repo.js'
import type { TAddCertificate } from './providers.schemas.js'
import { caregiverCertificates } from './providers.tables.js'

/** 持证上岗: a certificate with number, level, skill and expiry; orders needing the skill check it on the service date. */
export async function addCertificate(ctx: Ctx, caregiverId: string, input: TAddCertificate) {
  requirePermission(ctx.actor, 'caregiver:write')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const cg = await getCaregiverInScope(t.tx, actor, caregiverId, true)
    const [row] = await t.tx
      .insert(caregiverCertificates)
      .values({ caregiverId: cg.id, providerId: cg.providerId, regionCode: cg.regionCode, ...input })
      .returning()
    await appendAudit(t, {
      action: 'caregiver.certificate_added',
      entityType: 'caregiver',
      entityId: cg.id,
      regionCode: cg.regionCode,
      after: { certificateId: row!.id, number: input.number, level: input.level, skill: input.skill, expiresOn: input.expiresOn },
    })
  })
  return getCaregiver(ctx, caregiverId)
}
