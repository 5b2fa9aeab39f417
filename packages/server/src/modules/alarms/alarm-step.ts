import type { FlowAction } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { TActor } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { hubOf } from './alarm-hub.js'
import { staffName } from './staff-name.js'
import { alarmInScope, alarmOfResponder, alarmSnapshot, type TAlarmRow } from './alarms.repo.js'
import { alarmActions, alarms } from './alarms.tables.js'

export type TAlarmStepSpec = {
  step: FlowAction
  /** Operators reach every alarm of their scope; responders only those dispatched to them. */
  reach: 'scope' | 'responder'
  version?: number
  patch?: (before: TAlarmRow, now: Date) => Record<string, unknown>
  /** Checks on the scoped row before the write (AppError with a Chinese message); runs inside the transaction, so it must not query ctx.db. */
  check?: (before: TAlarmRow) => void
  action: string
  event: string
  /** A line in the alarm's journal (call-back result, note). */
  journal?: { kind: 'call_back' | 'note' | 'dispatched' | 'responder'; result?: string | null; note: string }
}

/**
 * The one way an alarm changes status: the scoped read under FOR UPDATE, the compare-and-set
 * step of core's alarmFlow (two operators claiming at once: one wins, the other gets 409),
 * the journal line, audit and outbox event in the same transaction, then the live push.
 */
export async function alarmStep(ctx: Ctx, actor: TActor, id: string, spec: TAlarmStepSpec): Promise<TAlarmRow> {
  // Read before the transaction: PGlite has one connection, and the transaction holds it.
  const name = await staffName(ctx, actor)
  const after = await withTx(ctx, async (t) => {
    const before = spec.reach === 'scope' ? await alarmInScope(t, actor, id) : await alarmOfResponder(t, actor, id)
    await spec.check?.(before)
    const now = t.clock.now()
    const row = await runStep(t, {
      table: alarms,
      step: spec.step,
      before,
      version: spec.version,
      patch: spec.patch?.(before, now),
      audit: {
        action: spec.action,
        entityType: 'alarm',
        snapshot: alarmSnapshot,
        extra: spec.journal ? { note: spec.journal.note, result: spec.journal.result } : undefined,
      },
      event: { type: spec.event, payload: (r) => ({ elderId: r.elderId, type: r.type, status: r.status }) },
    }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'INVALID_TRANSITION') throw new AppError('INVALID_TRANSITION', '该报警已被他人处理或状态已变化，请刷新后查看')
      throw e
    })
    if (spec.journal) {
      await t.tx.insert(alarmActions).values({
        alarmId: id,
        kind: spec.journal.kind,
        result: spec.journal.result ?? null,
        note: spec.journal.note,
        actorId: actor.userId,
        actorName: name,
        at: now,
      })
    }
    return row
  })
  hubOf(ctx.events).publish('alarm.updated', after)
  return after
}
