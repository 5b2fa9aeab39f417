import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { appendAudit } from '../../platform/audit.js'
import { users } from './accounts.tables.js'
import { getMe } from './get-me.js'

export async function setPreferences(ctx: Ctx, input: { elderMode: boolean }) {
  const actor = ctx.actor
  if (!actor) throw new AppError('UNAUTHENTICATED')
  await withTx(ctx, async (t) => {
    const [before] = await t.tx.select({ elderMode: users.elderMode }).from(users).where(eq(users.id, actor.userId))
    await t.tx.update(users).set({ elderMode: input.elderMode, updatedAt: ctx.clock.now() }).where(eq(users.id, actor.userId))
    await appendAudit(t, {
      action: 'user.preferences_changed',
      entityType: 'user',
      entityId: actor.userId,
      regionCode: actor.scopeRegionCode,
      before,
      after: input,
    })
  })
  return getMe(ctx)
}
