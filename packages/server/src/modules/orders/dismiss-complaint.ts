import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { complaintStep } from './complaint-step.js'
import { getComplaint } from './get-complaint.js'
import type { TDismissComplaint } from './supervision.schemas.js'

/** The complaint is not borne out: closed with the finding, no credit record. */
export async function dismissComplaint(ctx: Ctx, id: string, input: TDismissComplaint) {
  requirePermission(ctx.actor, 'complaint:handle')
  await withTx(ctx, (t) =>
    complaintStep(t, id, {
      action: 'dismiss',
      version: input.version,
      patch: { finding: input.finding, handledBy: t.actor!.userId, handledAt: t.clock.now() },
      extra: { finding: input.finding },
    }),
  )
  return getComplaint(ctx, id)
}
