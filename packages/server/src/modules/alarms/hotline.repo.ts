import { and, eq, like } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { isoDate } from '../../platform/http.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { elderSummariesByIds } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import type { THotlineItem } from './hotline.schemas.js'
import { hotlineActions, hotlineCalls } from './alarms.tables.js'

export type THotlineRow = typeof hotlineCalls.$inferSelect

/** The work order if it lies in the actor's scope; otherwise NOT_FOUND like a missing one. FOR UPDATE inside a transaction. */
export async function hotlineInScope(ctx: Ctx | TxCtx, actor: TActor, id: string): Promise<THotlineRow> {
  const db: DbOrTx = 'tx' in ctx ? ctx.tx : ctx.db
  const q = db
    .select()
    .from(hotlineCalls)
    .where(and(eq(hotlineCalls.id, id), like(hotlineCalls.regionCode, scopeLike(actor.scopePrefix))))
  const [row] = 'tx' in ctx ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '工单不存在或不在您的管辖范围内')
  return row
}

/** What the audit log keeps of a work order: masked phone, no summary text. */
export const hotlineSnapshot = (r: THotlineRow) => ({
  status: r.status,
  category: r.category,
  callerPhoneMasked: r.callerPhoneMasked,
  elderId: r.elderId,
  routeKind: r.routeKind,
  routedTo: r.routedTo,
  deadlineAt: isoDate(r.deadlineAt),
  satisfaction: r.satisfaction,
  alarmId: r.alarmId,
  orderId: r.orderId,
})

export async function addHotlineAction(
  db: DbOrTx,
  a: { hotlineCallId: string; kind: string; result?: string | null; note?: string; actorId?: string | null; actorName?: string | null; at: Date },
) {
  await db.insert(hotlineActions).values({
    hotlineCallId: a.hotlineCallId,
    kind: a.kind,
    result: a.result ?? null,
    note: a.note ?? '',
    actorId: a.actorId ?? null,
    actorName: a.actorName ?? null,
    at: a.at,
  })
}

const open = new Set(['ringing', 'open', 'routed'])
export const isOverdue = (r: THotlineRow, now: Date) => !!r.deadlineAt && open.has(r.status) && r.deadlineAt < now

export async function toHotlineItems(ctx: Ctx, rows: THotlineRow[]): Promise<THotlineItem[]> {
  const elders = await elderSummariesByIds(
    ctx,
    rows.map((r) => r.elderId).filter((x): x is string => !!x),
  )
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  )
  const now = ctx.clock.now()
  return rows.map((r) => ({
    id: r.id,
    callId: r.callId,
    switchboard: r.switchboard,
    callerPhoneMasked: r.callerPhoneMasked,
    callerName: r.callerName,
    elderId: r.elderId,
    elderName: r.elderId ? (elders.get(r.elderId)?.name ?? null) : null,
    regionCode: r.regionCode,
    regionName: names.get(r.regionCode) ?? null,
    status: r.status,
    category: r.category as THotlineItem['category'],
    summary: r.summary,
    routeKind: r.routeKind,
    routedTo: r.routedTo,
    routeTargetName: r.routeTargetName,
    deadlineAt: isoDate(r.deadlineAt),
    overdue: isOverdue(r, now),
    satisfaction: r.satisfaction as THotlineItem['satisfaction'],
    takenByName: r.takenByName,
    alarmId: r.alarmId,
    orderId: r.orderId,
    receivedAt: r.receivedAt.toISOString(),
    closedAt: isoDate(r.closedAt),
    version: r.version,
  }))
}
