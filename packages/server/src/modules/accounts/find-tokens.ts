import { desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { isoDate } from '../../platform/http.js'
import { apiTokens, users } from './accounts.tables.js'

/** Every account's tokens: a system administrator must be able to see and revoke another's. */
export async function listTokens(ctx: Ctx) {
  requirePermission(ctx.actor, 'token:manage')
  const rows = await ctx.db
    .select({ t: apiTokens, ownerUsername: users.username, ownerName: users.displayName })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt))
  const now = ctx.clock.now()
  return rows.map(({ t: r, ownerUsername, ownerName }) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    ownerId: r.userId,
    ownerUsername,
    ownerName,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    isExpired: r.expiresAt <= now,
    lastUsedAt: isoDate(r.lastUsedAt),
    revokedAt: isoDate(r.revokedAt),
  }))
}
