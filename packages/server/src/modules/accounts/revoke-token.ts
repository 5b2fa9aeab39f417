import { and, eq, isNull } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { apiTokens } from './accounts.tables.js'

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
