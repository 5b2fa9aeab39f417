import type { FastifyPluginAsync } from 'fastify'
import type { Database } from '../db/client.js'
import type { Clock } from './clock.js'
import type { TConfig } from './config.js'
import type { Ctx } from './context.js'
import type { Crypto } from './crypto.js'
import type { EventBus } from './events.js'
import type { TJobDefinition } from './jobs.js'
import type { TActor, TRole } from './permissions.js'

/** What every module's routes plugin receives. */
export type TRouteOptions = { events: EventBus; database: Database; version: string; loginRateLimit: number }

/** What a module's event subscriptions receive. */
export type TModuleDeps = { events: EventBus; database: Database; config: TConfig; clock: Clock; crypto: Crypto }

/** What a module's long-running service (a broker connection, say) receives when the app is ready. */
export type TServiceDeps = TModuleDeps & {
  log: { info(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void }
}

/**
 * A domain module as the app sees it: its routes under /api/v1, its event subscriptions, its
 * background job kinds and its demo data. Modules are listed once, in modules/registry.ts.
 */
export type TApiModule = {
  name: string
  routes: FastifyPluginAsync<TRouteOptions>
  /** Demo data for an empty database, built through the module's own use cases. */
  seed?: (ctx: Ctx, tools: TSeedTools) => Promise<void>
  subscribe?: (deps: TModuleDeps) => void
  jobs?: TJobDefinition<never>[]
  /** Starts a long-running service when the app is ready; the function it returns stops it when the app closes. */
  start?: (deps: TServiceDeps) => Promise<() => Promise<void>>
}

/**
 * What the demo seed hands every module: the first active demo user of a role in a region, as an
 * actor, so a seed runs its use cases as that person without importing the accounts module
 * (which would tie modules into import cycles).
 */
export type TSeedTools = { actorFor(role: TRole, regionPrefix: string): Promise<TActor | null> }
