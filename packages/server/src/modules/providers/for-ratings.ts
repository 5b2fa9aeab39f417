import { and, asc, eq, gte, inArray, like } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { TxCtx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { scopeLike } from '../../platform/permissions.js'
import { caregiverCertificates, caregivers, providers } from './providers.tables.js'

/**
 * What the orders module's KPIs and star ratings read of providers. The caller has checked the
 * permission and decides the reach (one provider, or a region prefix); these answer facts.
 */

/** Active caregivers and whether each holds a certificate valid on `onDate` (持证上岗率). */
export async function caregiverCertification(db: DbOrTx, reach: { providerId?: string; regionPrefix?: string }, onDate: string) {
  const rows = await db
    .select({ id: caregivers.id })
    .from(caregivers)
    .where(
      and(
        eq(caregivers.status, 'active'),
        reach.providerId ? eq(caregivers.providerId, reach.providerId) : undefined,
        reach.regionPrefix !== undefined ? like(caregivers.regionCode, scopeLike(reach.regionPrefix)) : undefined,
      ),
    )
  if (!rows.length) return []
  const valid = await db
    .selectDistinct({ id: caregiverCertificates.caregiverId })
    .from(caregiverCertificates)
    .where(
      and(
        inArray(
          caregiverCertificates.caregiverId,
          rows.map((r) => r.id),
        ),
        gte(caregiverCertificates.expiresOn, onDate),
      ),
    )
  const certified = new Set(valid.map((v) => v.id))
  return rows.map((r) => ({ certified: certified.has(r.id) }))
}

/** Providers that are rated: active home-care and canteen providers. */
export async function providersForRating(db: DbOrTx) {
  return db
    .select({ id: providers.id, name: providers.name, regionCode: providers.regionCode })
    .from(providers)
    .where(eq(providers.status, 'active'))
    .orderBy(asc(providers.id))
}

/** The reviewed star rating becomes the provider's (shown in the directory); audited in the caller's transaction. */
export async function setProviderStarRating(t: TxCtx, providerId: string, stars: number, month: string) {
  const [p] = await t.tx
    .update(providers)
    .set({ starRating: stars, updatedAt: t.clock.now() })
    .where(eq(providers.id, providerId))
    .returning({ regionCode: providers.regionCode })
  if (p)
    await appendAudit(t, {
      action: 'provider.star_rating_set',
      entityType: 'provider',
      entityId: providerId,
      regionCode: p.regionCode,
      after: { stars, month },
    })
}
