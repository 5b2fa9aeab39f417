import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import { getComplaintInScope, toComplaint } from './complaints.repo.js'

export async function getComplaint(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'complaint:read')
  const row = await getComplaintInScope(ctx.db, ctx.actor, id)
  const [provider, region] = await Promise.all([providerNames(ctx.db, [row.providerId]), regionNames(ctx.db, [row.regionCode])])
  return toComplaint(row, { provider, region }, ctx.clock.now())
}
