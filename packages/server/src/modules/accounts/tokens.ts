// API tokens for machines: create (shown once), list, revoke. Small enough to share a file.
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { randomToken, sha256Hex } from '../../platform/crypto.js'
import { requirePermission } from '../../platform/permissions.js'
import { isoDate } from '../../platform/http.js'
import { appendAudit } from '../../platform/audit.js'
import { apiTokens } from './accounts.tables.js'
import { TOKEN_PREFIX } from './authenticate.js'

export async function createToken(ctx: Ctx, name: string) {
  requirePermission(ctx.actor, 'token:manage')
  const actor = ctx.actor
  const token = TOKEN_PREFIX + randomToken(32)
  const row = await withTx(ctx, async (t) => {
    const [created] = await t.tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name, tokenHash: sha256Hex(token), prefix: token.slice(0, 10), createdBy: actor.userId })
      .returning()
    await appendAudit(t, { action: 'token.created', entityType: 'api_token', entityId: created!.id, regionCode: actor.scopeRegionCode, after: { name, prefix: created!.prefix } })
    return created!
  })
  return { id: row.id, name: row.name, token }
}

export async function listTokens(ctx: Ctx) {
  requirePermission(ctx.actor, 'token:manage')
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, ctx.actor.userId)).orderBy(desc(apiTokens.createdAt))
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.createdAt.toISOString(), lastUsedAt: isoDate(r.lastUsedAt), revokedAt: isoDate(r.revokedAt) }))
}

export async function revokeToken(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'token:manage')
  const actor = ctx.actor
  await withTx(ctx, async (t) => {
    const [row] = await t.tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning()
    if (!row) throw new AppError('NOT_FOUND')
    await appendAudit(t, { action: 'token.revoked', entityType: 'api_token', entityId: id, regionCode: actor.scopeRegionCode })
  })
}
