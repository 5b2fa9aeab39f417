import type { FlowAction } from '@yiyang/core'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { TActor } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { elderSummariesByIds } from '../elders/index.js'
import { hubOf } from './alarm-hub.js'
import { staffName } from './staff-name.js'
import { addHotlineAction, hotlineInScope, hotlineSnapshot, type THotlineRow } from './hotline.repo.js'
import { hotlineCalls } from './alarms.tables.js'

export type THotlineStepSpec = {
  step: FlowAction
  version?: number
  /** Rules and work on the scoped, locked row before the status changes (AppError with a Chinese message); returns the patch. */
  prepare?: (t: TxCtx, before: THotlineRow, now: Date, actorName: string) => Promise<Record<string, unknown>> | Record<string, unknown>
  action: string
  event: string
  journal: TJournal | ((patch: Record<string, unknown>) => TJournal)
}
type TJournal = { kind: string; result?: string | null; note: string }

/**
 * The one way a work order changes status: the scoped read under FOR UPDATE, the compare-and-set
 * step of core's hotlineFlow, the timeline line, audit and outbox event in one transaction, then
 * the console push (other operators' pop-ups close when a colleague takes the call).
 */
export async function hotlineStep(ctx: Ctx, actor: TActor, id: string, spec: THotlineStepSpec): Promise<THotlineRow> {
  const name = await staffName(ctx, actor)
  const after = await withTx(ctx, async (t) => {
    const before = await hotlineInScope(t, actor, id)
    if (!(spec.step.from as readonly string[]).includes(before.status))
      throw new AppError('INVALID_TRANSITION', '该工单状态已变化，不能进行此操作，请刷新后查看')
    const now = t.clock.now()
    const patch = (await spec.prepare?.(t, before, now, name)) ?? {}
    const journal = typeof spec.journal === 'function' ? spec.journal(patch) : spec.journal
    const row = await runStep(t, {
      table: hotlineCalls,
      step: spec.step,
      before,
      version: spec.version,
      patch,
      audit: { action: spec.action, entityType: 'hotline_call', snapshot: hotlineSnapshot, extra: { note: journal.note, result: journal.result } },
      event: { type: spec.event, payload: (r) => ({ elderId: r.elderId, category: r.category, status: r.status }) },
    }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'INVALID_TRANSITION') throw new AppError('INVALID_TRANSITION', '该工单已被他人处理或状态已变化，请刷新后查看')
      throw e
    })
    await addHotlineAction(t.tx, {
      hotlineCallId: id,
      kind: journal.kind,
      result: journal.result,
      note: journal.note,
      actorId: actor.userId,
      actorName: name,
      at: now,
    })
    return row
  })
  await announceCall(ctx, after)
  return after
}

/** Pushes the work order to the operators' consoles (the pop-up). */
export async function announceCall(ctx: Ctx, row: THotlineRow) {
  const elderName = row.elderId ? ((await elderSummariesByIds(ctx, [row.elderId])).get(row.elderId)?.name ?? null) : null
  hubOf(ctx.events).publishCall({
    id: row.id,
    status: row.status,
    callerPhoneMasked: row.callerPhoneMasked,
    elderId: row.elderId,
    elderName,
    regionCode: row.regionCode,
    receivedAt: row.receivedAt.toISOString(),
  })
}
