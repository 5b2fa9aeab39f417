import { COMPLAINT_UPHELD_POINTS } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { insertCreditRecord, providerRegionCode } from '../providers/index.js'
import { complaintStep } from './complaint-step.js'
import { orderComplaints } from './complaints.tables.js'
import { getComplaint } from './get-complaint.js'
import type { TUpholdComplaint } from './supervision.schemas.js'

/**
 * The complaint is borne out: the finding is kept and the provider's credit record gets a
 * complaint_upheld entry with the points (default COMPLAINT_UPHELD_POINTS), in one transaction.
 */
export async function upholdComplaint(ctx: Ctx, id: string, input: TUpholdComplaint) {
  requirePermission(ctx.actor, 'complaint:handle')
  const points = input.points ?? COMPLAINT_UPHELD_POINTS
  await withTx(ctx, async (t) => {
    const after = await complaintStep(t, id, {
      action: 'uphold',
      version: input.version,
      patch: { finding: input.finding, points, handledBy: t.actor!.userId, handledAt: t.clock.now() },
      extra: { finding: input.finding },
    })
    const region = (await providerRegionCode(t.tx, after.providerId)) ?? after.regionCode
    const credit = await insertCreditRecord(t, after.providerId, region, {
      kind: 'complaint_upheld',
      points,
      note: `投诉成立（工单 ${after.orderNo}）：${input.finding}`,
      orderId: after.orderId,
    })
    await t.tx.update(orderComplaints).set({ creditRecordId: credit.id }).where(eq(orderComplaints.id, after.id))
  })
  return getComplaint(ctx, id)
}
