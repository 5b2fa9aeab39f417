import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { sessions } from './accounts.tables.js'

export async function logout(ctx: Ctx) {
  const actor = ctx.actor
  if (!actor?.sessionId) return
  await withTx(ctx, async (t) => {
    await t.tx.update(sessions).set({ revokedAt: ctx.clock.now() }).where(eq(sessions.id, actor.sessionId!))
    await appendAudit(t, { action: 'auth.logout', entityType: 'user', entityId: actor.userId, regionCode: actor.scopeRegionCode })
  })
}
