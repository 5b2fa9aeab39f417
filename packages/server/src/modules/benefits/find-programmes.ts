import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { loadProgrammes } from './benefits.repo.js'

export async function findProgrammes(ctx: Ctx) {
  requirePermission(ctx.actor, 'benefit:read')
  const rows = await loadProgrammes(ctx.db, { includeInactive: true })
  return rows.map((r) => ({
    code: r.code,
    name: r.definition.name,
    delivery: r.definition.delivery,
    definition: r.definition as unknown as Record<string, unknown>,
    isActive: r.isActive,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }))
}
