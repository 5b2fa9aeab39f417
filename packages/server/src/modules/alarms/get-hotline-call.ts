import { and, asc, desc, eq, ne } from 'drizzle-orm'
import { scopeFilter } from '../../platform/list.js'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { elderCard } from './get-alarm.js'
import { findCaller } from './hotline-caller.js'
import { hotlineInScope, toHotlineItems } from './hotline.repo.js'
import { hotlineActions, hotlineCalls } from './alarms.tables.js'

/** The work order with the caller's elder card (masked), the elders the phone matched, earlier calls from the same phone and the timeline. */
export async function getHotlineCall(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'hotline:handle')
  const row = await hotlineInScope(ctx, ctx.actor, id)
  const [item] = await toHotlineItems(ctx, [row])
  const caller = row.elderId ? null : await findCaller(ctx, ctx.actor, ctx.crypto.decrypt(row.callerPhoneEnc))
  const names = await regionNames(
    ctx.db,
    (caller?.candidates ?? []).map((c) => c.regionCode),
  )
  const [actions, previous] = await Promise.all([
    ctx.db.select().from(hotlineActions).where(eq(hotlineActions.hotlineCallId, id)).orderBy(asc(hotlineActions.at), asc(hotlineActions.id)),
    ctx.db
      .select({ id: hotlineCalls.id, category: hotlineCalls.category, status: hotlineCalls.status, receivedAt: hotlineCalls.receivedAt })
      .from(hotlineCalls)
      .where(and(eq(hotlineCalls.callerPhoneHash, row.callerPhoneHash), ne(hotlineCalls.id, id), scopeFilter(hotlineCalls.regionCode, ctx.actor)))
      .orderBy(desc(hotlineCalls.receivedAt))
      .limit(5),
  ])
  return {
    ...item!,
    elder: await elderCard(ctx, row),
    candidates: (caller?.candidates ?? []).map((c) => ({ id: c.id, name: c.name, regionName: names.get(c.regionCode) ?? null })),
    closeNote: row.closeNote,
    previousCalls: previous.map((p) => ({ ...p, receivedAt: p.receivedAt.toISOString() })),
    actions: actions.map((a) => ({ kind: a.kind, result: a.result, note: a.note, actorName: a.actorName, at: a.at.toISOString() })),
  }
}
