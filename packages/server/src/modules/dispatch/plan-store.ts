import { and, desc, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { appendAudit } from '../../platform/audit.js'
import type { TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { updateVersioned } from '../../platform/workflow.js'
import { assignFromPlan, ordersByIds, releaseFromPlan, startedStatuses, updatePlannedTimes } from '../orders/index.js'
import { providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import { minutesToIso, planFigures, type TPlanState } from './dispatch.model.js'
import { toPlanDetail, type TPlanNames } from './dispatch.mapper.js'
import { planAuditSnapshot, type TPlanRow } from './dispatch.repo.js'
import { placements } from './dispatch.replan.js'
import type { TPlanDetail } from './dispatch.schemas.js'
import { dispatchDiffs, dispatchNotices, dispatchPlans } from './dispatch.tables.js'

export async function planNames(db: DbOrTx, rows: TPlanRow[]): Promise<TPlanNames> {
  const [provider, region] = await Promise.all([
    providerNames(
      db,
      rows.map((r) => r.providerId),
    ),
    regionNames(
      db,
      rows.flatMap((r) => (r.streetCode ? [r.streetCode] : [])),
    ),
  ])
  return { provider, region }
}

/** Orders of the plan that have begun (caregiver set out, checked in, …): they never move. */
export async function startedOrders(db: DbOrTx, state: TPlanState | null): Promise<Set<string>> {
  if (!state) return new Set()
  const rows = await ordersByIds(
    db,
    state.visits.map((v) => v.orderId),
  )
  return new Set(rows.filter((r) => (startedStatuses as readonly string[]).includes(r.status)).map((r) => r.id))
}

export async function planDetail(db: DbOrTx, row: TPlanRow): Promise<TPlanDetail> {
  const [names, started, diffs] = await Promise.all([
    planNames(db, [row]),
    startedOrders(db, row.state),
    db
      .select({ id: dispatchDiffs.id, kind: dispatchDiffs.kind, status: dispatchDiffs.status, createdAt: dispatchDiffs.createdAt })
      .from(dispatchDiffs)
      .where(eq(dispatchDiffs.planId, row.id))
      .orderBy(desc(dispatchDiffs.createdAt)),
  ])
  return toPlanDetail(
    row,
    names,
    { started },
    diffs.map((d) => ({ ...d, status: d.status as 'proposed' | 'approved' | 'rejected', createdAt: d.createdAt.toISOString() })),
  )
}

/** A computed plan is needed for changes: computing or failed plans are refused. */
export function requireComputed(row: TPlanRow): TPlanState & { plan: NonNullable<TPlanState['plan']> } {
  if (row.status !== 'draft' && row.status !== 'published') throw new AppError('INVALID_TRANSITION', '方案尚未计算完成或已被取代，不能修改')
  if (!row.state?.plan) throw new AppError('INVALID_TRANSITION', '方案尚未计算完成')
  return row.state as TPlanState & { plan: NonNullable<TPlanState['plan']> }
}

/**
 * Saves a changed plan (version compare-and-set, audit). When the plan is published, the
 * orders follow: visits that changed caregiver (or were added) are re-assigned through the
 * orders flow, planned starts and places in the day are updated, and every caregiver whose
 * day changed gets a notice. Returns the saved row.
 */
export async function saveState(
  t: TxCtx,
  before: TPlanRow,
  state: TPlanState,
  audit: { action: string; extra?: Record<string, unknown> },
  version?: number,
): Promise<TPlanRow> {
  if (version !== undefined && version !== before.version) throw new AppError('CONFLICT', '该方案已被他人修改，请刷新后重试')
  state.figures = state.plan ? planFigures(state.problem, state.plan) : null
  const after = await updateVersioned(t, dispatchPlans, before.id, before.version, { state })
  await appendAudit(t, {
    action: audit.action,
    entityType: 'dispatch_plan',
    entityId: before.id,
    regionCode: before.regionCode,
    before: planAuditSnapshot(before),
    after: { ...planAuditSnapshot(after), ...audit.extra },
  })
  if (before.status === 'published') await applyToOrders(t, after, before.state?.plan ?? null, audit.action === 'dispatch.plan_published' ? null : '方案调整')
  return after
}

/**
 * Makes the orders follow the plan: each placed visit assigned to its first caregiver (second
 * caregiver as helper), with its planned start and place in the day. Only orders whose facts
 * differ are written; `previous` null = all (publishing). Notices go to every caregiver whose
 * day changed.
 */
export async function applyToOrders(t: TxCtx, row: TPlanRow, previous: TPlanState['plan'] | null, reason: string | null) {
  const state = row.state!
  const now = placements(state.plan)
  const old = placements(previous)
  const byOrder = new Map<string, { cg: string; helper: string | null; start: number; seq: number }>()
  for (const [k, p] of now) {
    const [id, part] = k.split('#') as [string, string]
    const cur = byOrder.get(id) ?? { cg: '', helper: null, start: p.start, seq: 0 }
    if (part === '0') Object.assign(cur, { cg: p.caregiverId, start: p.start, seq: p.seq })
    else cur.helper = p.caregiverId
    byOrder.set(id, cur)
  }
  // Visits the plan no longer places (a sick caregiver's that nobody can take, one an urgent visit displaced) go back to waiting.
  const released = previous === null ? [] : [...new Set([...old.keys()].map((k) => k.split('#')[0]!))].filter((id) => !byOrder.has(id))
  const rows = await ordersByIds(t.tx, [...byOrder.keys(), ...released])
  const orders = new Map(rows.map((r) => [r.id, r]))
  const touched = new Set<string>()
  const times: { id: string; plannedStart: Date; planSeq: number }[] = []
  for (const [id, p] of byOrder) {
    const o = orders.get(id)
    if (!o || (startedStatuses as readonly string[]).includes(o.status)) continue
    const was0 = old.get(`${id}#0`)
    const was1 = old.get(`${id}#1`)
    const changed =
      previous === null ||
      !was0 ||
      was0.caregiverId !== p.cg ||
      (was1?.caregiverId ?? null) !== p.helper ||
      Math.abs(was0.start - p.start) > 0.5 ||
      was0.seq !== p.seq
    if (!changed && o.caregiverId === p.cg && o.status === 'assigned') continue
    const plannedStart = new Date(minutesToIso(state.day, p.start))
    if (previous !== null && o.status === 'assigned' && o.caregiverId === p.cg && o.helperCaregiverId === p.helper) {
      // Same caregivers, another time or place in the day: no re-assignment.
      times.push({ id, plannedStart, planSeq: p.seq })
      if (was0 && Math.abs(was0.start - p.start) > 0.5) touched.add(p.cg)
      continue
    }
    await assignFromPlan(t, id, {
      caregiverId: p.cg,
      helperCaregiverId: p.helper,
      plannedStart,
      planSeq: p.seq,
      note: reason ?? `调度方案 ${row.serviceDate}`,
    })
    touched.add(p.cg)
    if (p.helper) touched.add(p.helper)
    if (was0 && was0.caregiverId !== p.cg) touched.add(was0.caregiverId)
    if (was1 && was1.caregiverId !== p.helper) touched.add(was1.caregiverId)
  }
  for (const id of released) {
    const o = orders.get(id)
    if (o?.status === 'assigned') await releaseFromPlan(t, id, reason ?? '调度方案调整')
  }
  await updatePlannedTimes(t, row.regionCode, times)
  // Visits taken off a caregiver (sick): they are told too.
  for (const [k, p] of old) if (!now.has(k) || now.get(k)!.caregiverId !== p.caregiverId) touched.add(p.caregiverId)
  await notify(t, row, [...touched], previous === null ? '您的排班已发布' : '您的排班有调整')
}

async function notify(t: TxCtx, row: TPlanRow, caregiverIds: string[], head: string) {
  const state = row.state!
  if (caregiverIds.length === 0) return
  const firstStart = new Map<string, number>()
  const count = new Map<string, number>()
  for (const r of state.plan?.routes ?? [])
    for (const s of r.stops)
      if (s.kind === 'visit') {
        count.set(r.caregiverId, (count.get(r.caregiverId) ?? 0) + 1)
        if (!firstStart.has(r.caregiverId)) firstStart.set(r.caregiverId, s.start)
      }
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.round(m % 60)).padStart(2, '0')}`
  await t.tx.insert(dispatchNotices).values(
    caregiverIds.map((id) => ({
      caregiverId: id,
      planId: row.id,
      text:
        (count.get(id) ?? 0) > 0
          ? `${head}：${row.serviceDate} 共 ${count.get(id)} 个上门服务，第一个 ${hhmm(firstStart.get(id)!)} 开始，请在“今日工单”查看顺序与时间。`
          : `${head}：${row.serviceDate} 您已没有上门服务安排。`,
      createdAt: t.clock.now(),
    })),
  )
}

/** Other plans of the same day and scope, for superseding at publication. */
export async function sameDayPlans(db: DbOrTx, row: TPlanRow) {
  return db
    .select()
    .from(dispatchPlans)
    .where(
      and(
        eq(dispatchPlans.serviceDate, row.serviceDate),
        row.providerId ? eq(dispatchPlans.providerId, row.providerId) : eq(dispatchPlans.streetCode, row.streetCode!),
        inArray(dispatchPlans.status, ['draft', 'published']),
      ),
    )
}
