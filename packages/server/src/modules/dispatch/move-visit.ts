import { dispatchDefaults, dispatchMoveBlockLabels } from '@yiyang/core'
import type { Plan, TaskRef } from '@yiyang/solver'
import type { DbOrTx } from '../../db/client.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { isoToMinutes, planFigures, type TPlanState } from './dispatch.model.js'
import { getPlanInScope, type TPlanRow } from './dispatch.repo.js'
import { evaluateRoutes, placedOnly, splitRoutes, withPins, type TFrozen } from './dispatch.replan.js'
import type { TMove, TMoveCheck } from './dispatch.schemas.js'
import { planDetail, requireComputed, saveState, startedOrders } from './plan-store.js'

/** The frozen part of the day: locked and started visits, and (on the day itself) what starts before now. */
export async function frozenOf(db: DbOrTx, state: TPlanState, now: Date): Promise<TFrozen> {
  const m = isoToMinutes(state.day, now)
  return { locks: new Set(state.locks), started: await startedOrders(db, state), now: m > 0 && m < 24 * 60 ? m : null }
}

const costOf = (state: TPlanState, plan: Plan) => {
  const f = planFigures(state.problem, plan)
  return { f, cost: f.travelSeconds / 60 + dispatchDefaults.latenessWeight * plan.totalLateness }
}

/** The plan with one visit part moved, or why not. */
async function propose(db: DbOrTx, row: TPlanRow, input: TMove, now: Date): Promise<TMoveCheck & { plan: Plan | null }> {
  const state = requireComputed(row)
  const plan = state.plan
  const v = state.visits.find((x) => x.orderId === input.orderId)
  if (!v) throw fieldError('orderId', '该工单不在本方案中')
  const ci = state.caregivers.findIndex((c) => c.id === input.toCaregiverId)
  if (ci < 0) throw fieldError('toCaregiverId', '该护理员不在本方案中')
  const refuse = (code: keyof typeof dispatchMoveBlockLabels) => ({
    feasible: false,
    reasons: [dispatchMoveBlockLabels[code]],
    costDelta: 0,
    figures: null,
    plan: null,
  })
  const f = await frozenOf(db, state, now)
  if (f.started.has(v.orderId)) return refuse('started')
  if (f.locks.has(v.orderId)) return refuse('locked')
  const pv = state.problem.visits.find((x) => x.id === v.orderId)!
  const target = state.problem.caregivers[ci]!
  const need = pv.staff?.[0]?.skills ?? pv.skills ?? []
  if (!target.skills.includes(need[0]!)) return refuse('provider')
  if (!need.every((s) => target.skills.includes(s))) return refuse('skill')
  // Which part moves: the one on the named caregiver, else the first placed part, else part 0 of a visit left out.
  const parts = plan.routes.flatMap((r) => r.stops.flatMap((s) => (s.kind === 'visit' && s.visitId === v.orderId ? [{ cg: r.caregiverId, part: s.part }] : [])))
  if (parts.length === 0 && v.staffCount === 2) return refuse('infeasible')
  const part = (parts.find((p) => p.cg === input.fromCaregiverId) ?? parts[0])?.part ?? 0
  const { locked, initial, pins } = splitRoutes(plan, f)
  for (const [cid, list] of Object.entries(initial)) initial[cid] = list.filter((r) => !(r.visitId === v.orderId && (r.part ?? 0) === part))
  const head = (locked[target.id] ?? []).filter((t) => !t.break).length
  const rest = initial[target.id] ?? []
  const targetStops =
    plan.routes.find((r) => r.caregiverId === target.id)?.stops.filter((s) => s.kind === 'visit' && !(s.visitId === v.orderId && s.part === part)) ?? []
  const position = input.position ?? targetStops.filter((s) => s.start < isoToMinutes(state.day, input.start!)).length
  if (position < head) return refuse('locked')
  // Insert before the (position - head)-th visit of the movable rest (breaks keep their place).
  let k = position - head
  let at = rest.length
  for (let i = 0; i < rest.length; i++) {
    if (rest[i]!.break) continue
    if (k === 0) {
      at = i
      break
    }
    k--
  }
  const ref: TaskRef = { visitId: v.orderId, part }
  initial[target.id] = [...rest.slice(0, at), ref, ...rest.slice(at)]
  const out = evaluateRoutes(withPins(placedOnly(state.problem, plan, [v.orderId]), pins), locked, initial, f.now ?? undefined)
  if (!out) return refuse('infeasible')
  const merged: Plan = { ...out, unassigned: plan.unassigned.filter((u) => u.visitId !== v.orderId) }
  const a = costOf(state, plan)
  const b = costOf(state, merged)
  return { feasible: true, reasons: [], costDelta: Math.round((b.cost - a.cost) * 10) / 10, figures: b.f, plan: merged }
}

/** Live check while the dispatcher drags a visit: feasible or why not, and the change of cost. */
export async function checkMove(ctx: Ctx, id: string, input: TMove): Promise<TMoveCheck> {
  requirePermission(ctx.actor, 'dispatch:plan')
  const row = await getPlanInScope(ctx.db, ctx.actor, id)
  const { plan: _p, ...res } = await propose(ctx.db, row, input, ctx.clock.now())
  void _p
  return res
}

/** Applies a hand move (refused with the reasons when infeasible). */
export async function applyMove(ctx: Ctx, id: string, input: TMove) {
  requirePermission(ctx.actor, 'dispatch:plan')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await getPlanInScope(t.tx, actor, id, true)
    const res = await propose(t.tx, before, input, t.clock.now())
    if (!res.feasible || !res.plan) throw fieldError('toCaregiverId', res.reasons.join('；'), 'NOT_ELIGIBLE')
    const state = structuredClone(before.state!)
    state.plan = res.plan
    return saveState(t, before, state, { action: 'dispatch.visit_moved', extra: { orderId: input.orderId, toCaregiverId: input.toCaregiverId } }, input.version)
  })
  return planDetail(ctx.db, row)
}
