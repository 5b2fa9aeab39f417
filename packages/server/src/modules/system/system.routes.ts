import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { eq, sql } from 'drizzle-orm'
import { users } from '../accounts/accounts.tables.js'
import type { Database } from '../../db/client.js'
import { ZHealth } from './system.schemas.js'

export const systemRoutes: FastifyPluginAsyncZod<{ database: Database; version: string }> = async (app, opts) => {
  app.get('/health', {
    schema: {
      tags: ['system'], summary: '健康检查',
      response: { 200: ZHealth },
    },
  }, async () => {
    // demo = seeded demo passwords still in use; the login page then shows the demo account.
    const [row] = await opts.database.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.isDemoPassword, true))
    return { status: 'ok' as const, db: opts.database.kind, version: opts.version, demo: Number(row?.n ?? 0) > 0 }
  })
}
