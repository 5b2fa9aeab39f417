import { elderEvents } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import type { TDomainEvent } from '../../platform/events.js'
import type { TModuleDeps } from '../../platform/module.js'
import { levelPrefix } from '../../platform/list.js'
import { syncPlanForElderId, syncPlansFor } from './sync-plans.js'

export const systemCtx = (deps: TModuleDeps, e: TDomainEvent): Ctx => ({
  db: deps.database.db,
  actor: null,
  requestId: `event:${e.type}:${e.id ?? ''}`,
  ip: 'local',
  clock: deps.clock,
  config: deps.config,
  crypto: deps.crypto,
  events: deps.events,
})

/**
 * Plans follow the registry (issue 22 item 1): an elder who becomes 独居 (or 高龄, 失能 …) gets a
 * plan; one who dies, moves out or is merged away loses it. Handlers are idempotent.
 */
export function subscribeElderEvents(deps: TModuleDeps) {
  const one = (e: TDomainEvent) => syncPlanForElderId(systemCtx(deps, e), e.entityId).then(() => undefined)
  for (const type of [
    elderEvents.created,
    elderEvents.categoriesChanged,
    elderEvents.abilityLevelChanged,
    elderEvents.regionChanged,
    elderEvents.deceased,
    elderEvents.movedOut,
    elderEvents.reactivated,
    elderEvents.merged,
  ])
    deps.events.on(type, one)
  deps.events.on(elderEvents.imported, async (e) => {
    if (e.regionCode) await syncPlansFor(systemCtx(deps, e), levelPrefix(e.regionCode))
  })
}
