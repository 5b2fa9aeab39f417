import { dispatchUnassignedReasonLabels, type TDispatchUnassignedReason } from '@yiyang/core'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { levelPrefix } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { ordersByIds, plannableStatuses } from '../orders/index.js'
import { minutesToIso } from './dispatch.model.js'
import { getPlanInScope } from './dispatch.repo.js'
import { frozenKept, placements, replanState, swapInsert } from './dispatch.replan.js'
import type { TUrgentResult } from './dispatch.schemas.js'
import { toModelVisit, withTravel } from './load-model.js'
import { frozenOf } from './move-visit.js'
import { requireComputed, saveState } from './plan-store.js'

/**
 * An urgent order (accepted by the provider, same day and scope as the plan) goes into the plan
 * live (issue 20 item 4): visits that are locked, started, or due before now stay exactly where
 * they are. First the urgent visit takes its cheapest feasible place and nothing else changes
 * order; when the day is full, it takes the place of one nearby ordinary visit, which goes
 * elsewhere or back to waiting (swapInsert: a few cheap evaluations, no search); only when that
 * fails too does a short search (one second, worker thread) make room. On a published plan the
 * orders and caregivers concerned follow at once, in the same transaction.
 */
export async function insertUrgent(ctx: Ctx, id: string, input: { orderId: string }): Promise<TUrgentResult> {
  requirePermission(ctx.actor, 'dispatch:plan')
  const actor = ctx.actor
  return withTx(ctx, async (t) => {
    const before = await getPlanInScope(t.tx, actor, id, true)
    const cur = requireComputed(before)
    if (cur.visits.some((v) => v.orderId === input.orderId)) throw fieldError('orderId', '该工单已在方案中')
    const [o] = await ordersByIds(t.tx, [input.orderId])
    const fits =
      o &&
      o.serviceDate === before.serviceDate &&
      (before.providerId ? o.providerId === before.providerId : o.regionCode.startsWith(levelPrefix(before.streetCode!)))
    if (!o || !fits) throw new AppError('NOT_FOUND', '工单不存在或不属于本方案的服务商、街道和日期')
    if (!(plannableStatuses as readonly string[]).includes(o.status))
      throw fieldError('orderId', '工单尚未被服务商接单或已开始，不能插入方案', 'INVALID_TRANSITION')
    const v = toModelVisit(cur.day, o, true)
    if (!v) throw fieldError('orderId', '老人住址没有坐标，不能插入方案')
    const next = await withTravel(ctx.config, { ...structuredClone(cur), visits: [...cur.visits, v] })
    const f = await frozenOf(t.tx, cur, t.clock.now())
    let res = await replanState(next.problem, cur.plan, f, { search: 0 })
    let method: 'insertion' | 'swap' | 'search' = 'insertion'
    if (res.plan.unassigned.some((u) => u.visitId === v.orderId)) {
      const swapped = swapInsert(next.problem, cur.plan, f, v.orderId, { tries: 8, budgetMs: 400 })
      method = swapped ? 'swap' : 'search'
      res = swapped ? { ...res, plan: swapped } : await replanState(next.problem, cur.plan, f, { search: 1000 })
    }
    if (!frozenKept(cur.plan, res.plan, res.frozenVisits)) throw new AppError('INTERNAL', '重新规划改动了已锁定的服务')
    next.plan = res.plan
    const pl = placements(res.plan).get(`${v.orderId}#0`)
    const was = placements(cur.plan)
    const now = placements(res.plan)
    const movedIds = new Set<string>()
    const displacedIds = new Set<string>()
    for (const [k, p] of was) {
      const q = now.get(k)
      if (!q) displacedIds.add(k.split('#')[0]!)
      else if (q.caregiverId !== p.caregiverId) movedIds.add(k.split('#')[0]!)
    }
    const moved = movedIds.size
    const displaced = displacedIds.size
    await saveState(t, before, next, { action: 'dispatch.urgent_inserted', extra: { orderId: v.orderId, placed: !!pl, method, moved, displaced } })
    const un = res.plan.unassigned.find((u) => u.visitId === v.orderId)
    return {
      placed: !!pl,
      caregiverId: pl?.caregiverId ?? null,
      start: pl ? minutesToIso(cur.day, pl.start) : null,
      reasons: un ? [dispatchUnassignedReasonLabels[un.reason as TDispatchUnassignedReason] ?? dispatchUnassignedReasonLabels.invalid] : [],
      moved,
      displaced,
    }
  })
}
