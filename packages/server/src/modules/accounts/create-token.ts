// API tokens for machines; the token is shown once, only its hash is kept.
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { randomToken, sha256Hex } from '../../platform/crypto.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import type { TCreateToken } from './accounts.schemas.js'
import { apiTokens } from './accounts.tables.js'
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
