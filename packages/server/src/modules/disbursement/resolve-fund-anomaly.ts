import { fundAnomalyFlow } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { notFound } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { scopeFilter } from '../../platform/list.js'
import { runStep } from '../../platform/workflow.js'
import { fundAnomalies } from './disbursement.tables.js'
import { toAnomaly } from './find-fund-anomalies.js'

/** A supervisor closes a finding with what was done about it (recovered, explained, corrected). */
export async function resolveFundAnomaly(ctx: Ctx, id: string, input: { note: string; version: number }) {
  requirePermission(ctx.actor, 'disbursement:check')
  return withTx(ctx, async (t) => {
    const [before] = await t.tx
      .select()
      .from(fundAnomalies)
      .where(and(eq(fundAnomalies.id, id), scopeFilter(fundAnomalies.regionCode, ctx.actor!)))
      .for('update')
    if (!before) throw notFound()
    const after = await runStep(t, {
      table: fundAnomalies,
      step: fundAnomalyFlow.resolve,
      before,
      version: input.version,
      patch: { resolvedBy: ctx.actor!.userId, resolvedNote: input.note, resolvedAt: t.clock.now() },
      audit: {
        action: 'disbursement.anomaly_resolved',
        entityType: 'fund_anomaly',
        snapshot: (r) => ({ kind: r.kind, month: r.month, status: r.status }),
        extra: { note: input.note },
      },
    })
    return toAnomaly(after, null)
  })
}
