import { desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getProviderForRead } from './providers.repo.js'
import { creditRecords } from './providers.tables.js'
import { toCreditRecord } from './providers.mapper.js'

export async function findCreditRecords(ctx: Ctx, providerId: string) {
  requirePermission(ctx.actor, 'provider:read')
  const p = await getProviderForRead(ctx.db, ctx.actor, providerId)
  const rows = await ctx.db.select().from(creditRecords).where(eq(creditRecords.providerId, p.id)).orderBy(desc(creditRecords.recordedAt)).limit(200)
  return rows.map(toCreditRecord)
}
