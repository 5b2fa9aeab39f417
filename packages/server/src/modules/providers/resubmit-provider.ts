import { providerFlow, todayInShanghai } from '@yiyang/core'
import { siteLocation } from './site-location.js'
import { and, eq, ne } from 'drizzle-orm'
import { withTx, type Ctx } from '../../platform/context.js'
import { levelPrefix } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { assertCanStep, runStep } from '../../platform/workflow.js'
import { getProvider } from './get-provider.js'
import { providerAuditSnapshot } from './providers.mapper.js'
import { getProviderForWrite } from './providers.repo.js'
import type { TResubmitProvider } from './providers.schemas.js'
import { providers } from './providers.tables.js'
import { duplicateUscc, resolveServiceItems } from './service-items.js'

/** A returned registration, corrected and handed in again (by the provider itself or the bureau). */
export async function resubmitProvider(ctx: Ctx, id: string, input: TResubmitProvider) {
  requirePermission(ctx.actor, 'provider:register')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const before = await getProviderForWrite(t.tx, actor, id, true)
    assertCanStep(providerFlow.resubmit, before.status)
    const [dup] = await t.tx
      .select({ id: providers.id })
      .from(providers)
      .where(and(eq(providers.uscc, input.uscc), ne(providers.id, id)))
    if (dup) throw duplicateUscc()
    const serviceItems = await resolveServiceItems(t, before.regionCode, todayInShanghai(ctx.clock.now()), input.serviceItems)
    await runStep(t, {
      table: providers,
      step: providerFlow.resubmit,
      before,
      version: input.version,
      patch: {
        name: input.name,
        uscc: input.uscc,
        legalRepresentative: input.legalRepresentative,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
        ...siteLocation(input),
        kind: input.kind,
        serviceArea: input.serviceArea,
        serviceAreaPrefixes: input.serviceArea.map(levelPrefix),
        serviceItems,
      },
      audit: { action: 'provider.resubmitted', entityType: 'provider', snapshot: providerAuditSnapshot },
    })
  })
  return getProvider(ctx, id)
}
