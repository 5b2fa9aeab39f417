// API tokens for machines: create (shown once), list, revoke. Small enough to share a file.
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { randomToken, sha256Hex } from '../../platform/crypto.js'
import { requirePermission } from '../../platform/permissions.js'
import { isoDate } from '../../platform/http.js'
import { appendAudit } from '../../platform/audit.js'
import type { TCreateToken } from './accounts.schemas.js'
import { apiTokens, users } from './accounts.tables.js'
import { TOKEN_PREFIX } from './authenticate.js'

export async function createToken(ctx: Ctx, input: TCreateToken) {
  requirePermission(ctx.actor, 'token:manage')
  const actor = ctx.actor
  // A token never mints tokens: a leaked one must not be able to outlive its own revocation.
  if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'API 令牌不能创建新的令牌，请登录后在“API 令牌”页面创建')
  const token = TOKEN_PREFIX + randomToken(32)
  const expiresAt = new Date(ctx.clock.now().getTime() + input.expiresInDays * 86_400_000)
  const row = await withTx(ctx, async (t) => {
    const [created] = await t.tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, 10),
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
        expiresAt,
        scope: input.scope,
      })
      .returning()
    await appendAudit(t, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: created!.id,
      regionCode: actor.scopeRegionCode,
      after: { name: input.name, prefix: created!.prefix, scope: input.scope, expiresAt: expiresAt.toISOString() },
    })
    return created!
  })
  return { id: row.id, name: row.name, token, scope: row.scope, expiresAt: row.expiresAt.toISOString() }
}

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

export async function revokeToken(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'token:manage')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const [row] = await t.tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning()
    if (!row) throw new AppError('NOT_FOUND', '令牌不存在或已吊销')
    await appendAudit(t, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      regionCode: actor.scopeRegionCode,
      after: { ownerId: row.userId, prefix: row.prefix },
    })
  })
}
