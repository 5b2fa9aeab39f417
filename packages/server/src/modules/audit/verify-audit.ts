import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { verifyAuditChain } from '../../platform/audit.js'

export async function verifyAudit(ctx: Ctx) {
  requirePermission(ctx.actor, 'audit:read')
  return verifyAuditChain(ctx.db, ctx.crypto)
}
