import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { TRouteOptions } from '../../platform/module.js'
import { countDemoPasswordUsers } from '../accounts/index.js'

export const systemRoutes: FastifyPluginAsyncZod<TRouteOptions> = async (app, opts) => {
  app.get('/health', {
    schema: {
      tags: ['system'], summary: '健康检查',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), demo: z.boolean() }) },
    },
  }, async () => {
    // demo = seeded demo passwords still in use; the login page then shows the demo account.
    return { status: 'ok' as const, db: opts.database.kind, version: opts.version, demo: (await countDemoPasswordUsers(opts.database.db)) > 0 }
  })
}
