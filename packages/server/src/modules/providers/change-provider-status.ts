import { providerEvents, providerFlow } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { getProvider } from './get-provider.js'
import { providerAuditSnapshot } from './providers.mapper.js'
import { getProviderForWrite } from './providers.repo.js'
import type { TProviderStatusChange } from './providers.schemas.js'
import { providers } from './providers.tables.js'

/** Suspension, resumption and exit, by the bureau, with a reason. A suspended provider takes no new orders. */
export async function changeProviderStatus(ctx: Ctx, id: string, input: TProviderStatusChange) {
  requirePermission(ctx.actor, 'provider:review')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const before = await getProviderForWrite(t.tx, actor, id, true)
    const event =
      input.action === 'suspend'
        ? providerEvents.suspended
        : input.action === 'exit'
          ? providerEvents.closed
          : input.action === 'resume'
            ? providerEvents.approved
            : undefined
    await runStep(t, {
      table: providers,
      step: providerFlow[input.action],
      before,
      patch: { reviewReason: input.reason, reviewedBy: actor.userId, reviewedAt: ctx.clock.now() },
      audit: { action: `provider.${input.action}`, entityType: 'provider', snapshot: providerAuditSnapshot, extra: { reason: input.reason } },
      event: event ? { type: event, payload: (r) => ({ providerId: r.id }) } : undefined,
    })
  })
  return getProvider(ctx, id)
}
