import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getElderInScope } from './elders.repo.js'

/**
 * What a service order copies from the registry when it is requested (issue 19): permission
 * elder:read and scope, 404 otherwise. The address stays encrypted; the order keeps the sealed
 * copy for the caregiver who visits and the masked form for everyone else.
 */
export async function getElderForService(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  const row = await getElderInScope(ctx.db, ctx.actor, elderId)
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    status: row.status,
    statusDate: row.statusDate,
    categories: row.categories,
    addressEnc: row.addressEnc,
    addressMasked: row.addressMasked,
    homeLat: row.homeLat,
    homeLng: row.homeLng,
  }
}
