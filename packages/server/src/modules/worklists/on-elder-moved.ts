import { eq } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import type { Clock } from '../../platform/clock.js'
import type { EventBus } from '../../platform/events.js'
import { worklistItems } from './worklists.tables.js'

/**
 * An elder's worklist items move with the elder: the old street must no longer see the item
 * (nor, through it, the elder's name and new community), and the new street takes it over.
 * Idempotent: the event carries the new region, so a replay sets the same value.
 */
export function subscribeElderMoved(deps: { events: EventBus; database: Database; clock: Clock }) {
  deps.events.on('elder.region_changed', async (e) => {
    const to = typeof e.payload.to === 'string' ? e.payload.to : e.regionCode
    if (!to) return
    await deps.database.db.update(worklistItems).set({ regionCode: to, updatedAt: deps.clock.now() }).where(eq(worklistItems.elderId, e.entityId))
  })
}
