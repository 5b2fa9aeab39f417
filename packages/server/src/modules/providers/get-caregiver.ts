import { asc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { toCaregiverSummary } from './providers.mapper.js'
import { getCaregiverInScope } from './providers.repo.js'
import { caregiverCertificates, providers } from './providers.tables.js'

export async function getCaregiver(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'caregiver:read')
  const row = await getCaregiverInScope(ctx.db, ctx.actor, id)
  const [certs, [p]] = await Promise.all([
    ctx.db.select().from(caregiverCertificates).where(eq(caregiverCertificates.caregiverId, id)).orderBy(asc(caregiverCertificates.expiresOn)),
    ctx.db.select({ name: providers.name }).from(providers).where(eq(providers.id, row.providerId)),
  ])
  return toCaregiverSummary(row, certs, p?.name ?? null, ctx.clock.now())
}
