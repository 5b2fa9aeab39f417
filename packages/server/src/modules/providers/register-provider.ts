import { providerEvents, todayInShanghai } from '@yiyang/core'
import { siteLocation } from './site-location.js'
import { eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { levelPrefix } from '../../platform/list.js'
import { recordEvent } from '../../platform/outbox.js'
import { inScope, requirePermission } from '../../platform/permissions.js'
import { getRegion } from '../regions/index.js'
import { getProvider } from './get-provider.js'
import { isProviderActor } from './providers.repo.js'
import { providerAuditSnapshot } from './providers.mapper.js'
import type { TRegisterProvider } from './providers.schemas.js'
import { providers } from './providers.tables.js'
import { duplicateUscc, resolveServiceItems } from './service-items.js'

/** Registration by the bureau (the portal's self-registration comes later): the provider waits for review. */
export async function registerProvider(ctx: Ctx, input: TRegisterProvider) {
  requirePermission(ctx.actor, 'provider:register')
  const actor = ctx.actor
  if (isProviderActor(actor)) throw new AppError('FORBIDDEN', '服务商只能修改本单位的登记信息')
  if (!inScope(actor, input.regionCode) || !(await getRegion(ctx.db, input.regionCode))) throw fieldError('regionCode', '登记地不在您的管辖范围内')
  const id = await withTx(ctx, async (t) => {
    const [dup] = await t.tx.select({ id: providers.id }).from(providers).where(eq(providers.uscc, input.uscc))
    if (dup) throw duplicateUscc()
    const serviceItems = await resolveServiceItems(t, input.regionCode, todayInShanghai(ctx.clock.now()), input.serviceItems)
    const [row] = await t.tx
      .insert(providers)
      .values({
        name: input.name,
        uscc: input.uscc,
        legalRepresentative: input.legalRepresentative,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
        ...siteLocation(input),
        regionCode: input.regionCode,
        kind: input.kind,
        serviceArea: input.serviceArea,
        serviceAreaPrefixes: input.serviceArea.map(levelPrefix),
        serviceItems,
        status: 'pending',
        createdBy: actor.userId,
      })
      .returning()
    await appendAudit(t, {
      action: 'provider.registered',
      entityType: 'provider',
      entityId: row!.id,
      regionCode: row!.regionCode,
      after: providerAuditSnapshot(row!),
    })
    await recordEvent(t, {
      type: providerEvents.registered,
      entityType: 'provider',
      entityId: row!.id,
      regionCode: row!.regionCode,
      payload: { providerId: row!.id },
    })
    return row!.id
  })
  return getProvider(ctx, id)
}
