import { assessmentFlow, todayInShanghai } from '@yiyang/core'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import type { Clock } from '../../platform/clock.js'
import type { TConfig } from '../../platform/config.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import type { Crypto } from '../../platform/crypto.js'
import type { EventBus, TDomainEvent } from '../../platform/events.js'
import { runStep } from '../../platform/workflow.js'
import { elderStatusEvents } from '../elders/index.js'
import { assessmentAuditSnapshot } from './assessments.mapper.js'
import { assessmentTriggers, assessments } from './assessments.tables.js'

type Deps = { events: EventBus; database: Database; config: TConfig; clock: Clock; crypto: Crypto }

/**
 * An elder who died or moved out leaves the reassessment list and their unfinished
 * assessments are cancelled; reactivation brings the results back. Idempotent per event.
 */
export async function applyElderStatus(deps: Deps, e: TDomainEvent, inactive: boolean) {
  const ctx: Ctx = {
    db: deps.database.db,
    actor: null,
    requestId: `event:${e.type}:${e.id ?? ''}`,
    ip: 'local',
    clock: deps.clock,
    config: deps.config,
    crypto: deps.crypto,
    events: deps.events,
  }
  const elderId = e.entityId
  await withTx(ctx, async (t) => {
    if (!inactive) {
      await t.tx.update(assessments).set({ elderInactiveSince: null }).where(eq(assessments.elderId, elderId))
      return
    }
    const date = typeof e.payload.date === 'string' ? e.payload.date : todayInShanghai(ctx.clock.now())
    await t.tx
      .update(assessments)
      .set({ elderInactiveSince: date })
      .where(and(eq(assessments.elderId, elderId), isNull(assessments.elderInactiveSince)))
    await t.tx
      .update(assessmentTriggers)
      .set({ resolvedAt: ctx.clock.now() })
      .where(and(eq(assessmentTriggers.elderId, elderId), isNull(assessmentTriggers.resolvedAt)))
    const open = await t.tx
      .select()
      .from(assessments)
      .where(and(eq(assessments.elderId, elderId), inArray(assessments.status, [...assessmentFlow.cancel.from])))
      .for('update')
    const reason = e.type === elderStatusEvents.deceased ? '老人已去世' : '老人已迁出'
    for (const row of open) {
      await runStep(t, {
        table: assessments,
        step: assessmentFlow.cancel,
        before: row,
        patch: { cancelReason: reason },
        audit: { action: 'assessment.cancelled', entityType: 'assessment', snapshot: assessmentAuditSnapshot, extra: { cancelReason: reason } },
      })
    }
  })
}

export function subscribeElderStatus(deps: Deps) {
  deps.events.on(elderStatusEvents.deceased, (e) => applyElderStatus(deps, e, true))
  deps.events.on(elderStatusEvents.moved_out, (e) => applyElderStatus(deps, e, true))
  deps.events.on(elderStatusEvents.active, (e) => applyElderStatus(deps, e, false))
}
