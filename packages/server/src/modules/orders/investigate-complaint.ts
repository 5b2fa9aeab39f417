import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { complaintStep } from './complaint-step.js'
import { getComplaint } from './get-complaint.js'

/** The bureau takes the complaint up (lodged → investigating). */
export async function investigateComplaint(ctx: Ctx, id: string, input: { version?: number }) {
  requirePermission(ctx.actor, 'complaint:handle')
  await withTx(ctx, (t) => complaintStep(t, id, { action: 'investigate', version: input.version }))
  return getComplaint(ctx, id)
}
