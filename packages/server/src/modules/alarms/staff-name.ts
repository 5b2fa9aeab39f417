import type { Ctx } from '../../platform/context.js'
import type { TActor } from '../../platform/permissions.js'
import { getUsersBrief } from '../accounts/index.js'

/** The actor's display name for the alarm journal (what an operator reads), not the login name. */
export async function staffName(ctx: Ctx, actor: TActor): Promise<string> {
  return (await getUsersBrief(ctx.db, [actor.userId])).get(actor.userId)?.displayName ?? actor.username
}
