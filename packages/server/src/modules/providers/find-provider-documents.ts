import { desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { toProviderDocument } from './provider-documents.repo.js'
import { providerDocuments } from './provider-documents.tables.js'
import { getProviderForRead } from './providers.repo.js'

/** The provider's documents, newest first, for whoever may read the provider. */
export async function findProviderDocuments(ctx: Ctx, providerId: string) {
  requirePermission(ctx.actor, 'provider:read')
  const p = await getProviderForRead(ctx.db, ctx.actor, providerId)
  const rows = await ctx.db
    .select()
    .from(providerDocuments)
    .where(eq(providerDocuments.providerId, p.id))
    .orderBy(desc(providerDocuments.uploadedAt), desc(providerDocuments.id))
    .limit(200)
  return rows.map(toProviderDocument)
}
