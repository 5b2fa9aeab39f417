import { desc, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverIdOfUser } from '../providers/index.js'
import { dispatchNotices } from './dispatch.tables.js'

/** The caregiver's own notices about changes to their day, newest first. */
export async function findNotices(ctx: Ctx) {
  requirePermission(ctx.actor, 'order:serve')
  const me = await caregiverIdOfUser(ctx.db, ctx.actor.userId)
  if (!me) return []
  const rows = await ctx.db.select().from(dispatchNotices).where(eq(dispatchNotices.caregiverId, me)).orderBy(desc(dispatchNotices.id)).limit(50)
  return rows.map((r) => ({ id: r.id, planId: r.planId, text: r.text, createdAt: r.createdAt.toISOString() }))
}
