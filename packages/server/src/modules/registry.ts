import type { FastifyPluginAsync } from 'fastify'
import type { Database } from '../db/client.js'
import type { Clock } from '../platform/clock.js'
import type { TConfig } from '../platform/config.js'
import type { Crypto } from '../platform/crypto.js'
import type { EventBus } from '../platform/events.js'
import type { Ctx } from '../platform/context.js'
import { eldersModule } from './elders/index.js'
import { worklistsModule } from './worklists/index.js'
import { assessmentsModule } from './assessments/index.js'

/**
 * Domain modules beyond the platform register here: their routes under /api/v1 and their
 * event subscriptions. Order matters only for subscriptions.
 */
export type TApiModule = {
  name: string
  routes: FastifyPluginAsync<{ events: EventBus; database: Database }>
  /** Demo data for an empty database, built through the module's own use cases. */
  seed?: (ctx: Ctx) => Promise<void>
  subscribe?: (deps: { events: EventBus; database: Database; config: TConfig; clock: Clock; crypto: Crypto }) => void
}

export const apiModules: TApiModule[] = [
  eldersModule,
  worklistsModule,
  assessmentsModule,
]
