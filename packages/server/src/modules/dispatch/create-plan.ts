import { todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import { withTx, type Ctx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { enqueueJob } from '../../platform/jobs.js'
import { levelPrefix } from '../../platform/list.js'
import { inScope, requirePermission } from '../../platform/permissions.js'
import { providerRegionCode } from '../providers/index.js'
import type { TCreatePlan } from './dispatch.schemas.js'
import { dispatchPlans } from './dispatch.tables.js'
import type { TPlanJobInput } from './plan-job.js'

/**
 * Starts a daily plan: a provider's own day (its admin, or the bureau in scope), or a street's
 * day across its providers for the unified dispatch centre (street officers of that street, the
 * bureau). Out of scope is NOT_FOUND. The solver runs as a durable job; the answer is the plan id.
 */
export async function createPlan(ctx: Ctx, input: TCreatePlan): Promise<{ planId: string }> {
  requirePermission(ctx.actor, 'dispatch:plan')
  const actor = ctx.actor
  if (input.date < todayInShanghai(ctx.clock.now())) throw fieldError('date', '不能为已过去的日期生成调度方案')
  let regionCode: string
  if (input.providerId) {
    if (actor.role === 'provider_admin' && actor.providerId !== input.providerId) throw new AppError('NOT_FOUND', '服务商不存在或不在您的管辖范围内')
    const region = await providerRegionCode(ctx.db, input.providerId)
    if (!region || (actor.role !== 'provider_admin' && !inScope(actor, region))) throw new AppError('NOT_FOUND', '服务商不存在或不在您的管辖范围内')
    regionCode = region
  } else {
    if (actor.role === 'provider_admin') throw new AppError('FORBIDDEN', '服务商只能为本机构生成调度方案')
    const street = input.streetCode!
    if (levelPrefix(street).length !== 9) throw fieldError('streetCode', '请选择街道（乡镇）级区划')
    if (!inScope(actor, street)) throw new AppError('NOT_FOUND', '街道不存在或不在您的管辖范围内')
    regionCode = street
  }
  return withTx(ctx, async (t) => {
    const [row] = await t.tx
      .insert(dispatchPlans)
      .values({
        providerId: input.providerId ?? null,
        streetCode: input.streetCode ?? null,
        regionCode,
        serviceDate: input.date,
        status: 'computing',
        progress: { percent: 0, phase: '排队中' },
        createdBy: actor.userId,
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returning()
    const job = await enqueueJob<TPlanJobInput>(t, {
      kind: 'dispatch.plan',
      input: { planId: row!.id, seconds: input.seconds ?? 8 },
      idempotencyKey: row!.id,
      regionCode,
      maxAttempts: 2,
    })
    await t.tx.update(dispatchPlans).set({ jobId: job.id }).where(eq(dispatchPlans.id, row!.id))
    await appendAudit(t, {
      action: 'dispatch.plan_requested',
      entityType: 'dispatch_plan',
      entityId: row!.id,
      regionCode,
      after: { providerId: row!.providerId, streetCode: row!.streetCode, serviceDate: row!.serviceDate },
    })
    return { planId: row!.id }
  })
}
