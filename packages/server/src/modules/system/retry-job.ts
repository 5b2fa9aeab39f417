import { and, eq, inArray } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { jobs } from '../../platform/jobs.js'
import { requirePermission } from '../../platform/permissions.js'
import { getJobInScope } from './jobs.repo.js'

/** A failed or cancelled job runs again from its first attempt (its input is kept). */
export async function retryJob(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'job:manage')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const before = await getJobInScope(t.tx, actor, id)
    const now = ctx.clock.now()
    const [after] = await t.tx
      .update(jobs)
      .set({ status: 'queued', attempts: 0, runAt: now, error: null, finishedAt: null, lockedUntil: null, lockedBy: null, updatedAt: now })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ['failed', 'cancelled'])))
      .returning({ id: jobs.id })
    if (!after) throw new AppError('INVALID_TRANSITION', '只有失败或已取消的任务可以重新执行')
    await appendAudit(t, {
      action: 'job.retried',
      entityType: 'job',
      entityId: id,
      regionCode: before.regionCode ?? actor.scopeRegionCode,
      before: { status: before.status, error: before.error },
      after: { status: 'queued' },
    })
    t.afterCommit.add('wake')
  })
  return { ok: true as const }
}
