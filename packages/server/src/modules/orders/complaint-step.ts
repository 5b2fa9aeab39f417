import type { TComplaintAction } from '@yiyang/core'
import { complaintFlow } from '@yiyang/core'
import type { TxCtx } from '../../platform/context.js'
import { assertCanStep, runStep } from '../../platform/workflow.js'
import { complaintAuditSnapshot, getComplaintInScope, type TComplaintRow } from './complaints.repo.js'
import { orderComplaints } from './complaints.tables.js'

/** One complaint step: the scoped row (locked), 409 when the step cannot start here, the caller's rules, then runStep. */
export async function complaintStep(
  t: TxCtx,
  id: string,
  spec: {
    action: TComplaintAction
    version?: number
    patch?: Partial<typeof orderComplaints.$inferInsert>
    extra?: Record<string, unknown>
    check?: (before: TComplaintRow) => void
  },
): Promise<TComplaintRow> {
  const before = await getComplaintInScope(t.tx, t.actor!, id, true)
  const step = complaintFlow[spec.action]
  assertCanStep(step, before.status)
  spec.check?.(before)
  return runStep(t, {
    table: orderComplaints,
    step,
    before,
    version: spec.version,
    patch: spec.patch,
    audit: { action: `complaint.${spec.action}`, entityType: 'complaint', snapshot: complaintAuditSnapshot, extra: spec.extra },
  })
}
