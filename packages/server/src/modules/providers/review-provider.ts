import { providerEvents, providerFlow } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { getProvider } from './get-provider.js'
import { providerAuditSnapshot } from './providers.mapper.js'
import { getProviderForWrite } from './providers.repo.js'
import type { TReviewProvider } from './providers.schemas.js'
import { providers } from './providers.tables.js'

/** The bureau approves, returns (to correct) or rejects a registration, with the reason kept. */
export async function reviewProvider(ctx: Ctx, id: string, input: TReviewProvider) {
  requirePermission(ctx.actor, 'provider:review')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const before = await getProviderForWrite(t.tx, actor, id, true)
    const step = providerFlow[input.decision === 'approve' ? 'approve' : input.decision]
    await runStep(t, {
      table: providers,
      step,
      before,
      patch: { reviewReason: input.reason ?? null, reviewedBy: actor.userId, reviewedAt: ctx.clock.now() },
      audit: {
        action: `provider.${input.decision === 'approve' ? 'approved' : input.decision === 'return' ? 'returned' : 'rejected'}`,
        entityType: 'provider',
        snapshot: providerAuditSnapshot,
      },
      event: input.decision === 'approve' ? { type: providerEvents.approved, payload: (r) => ({ providerId: r.id }) } : undefined,
    })
  })
  return getProvider(ctx, id)
}
