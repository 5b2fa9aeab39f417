import {
  addDays,
  maskName,
  periodKeyOf,
  todayInShanghai,
  visitChecklistLabels,
  visitChecklistOn,
  visitEvents,
  visitPeriodFlow,
  visitPlanFlow,
  visitTaskDueDays,
  type TVisitTaskKind,
} from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { findActiveUsersByRole, getUsersBrief } from '../accounts/index.js'
import type { TRecordVisit } from './visits.schemas.js'
import { periodAuditSnapshot, planAuditSnapshot, taskAuditSnapshot, toTaskItem, toVisitItem, visitAuditSnapshot } from './visits.mapper.js'
import { getPlanInScope, type TPlanRow, type TVisitRow } from './visits.repo.js'
import { visitPeriods, visitPlans, visits, visitTasks } from './visits.tables.js'
import { openPeriod } from './visit-periods.js'
import { linkAtVisit } from './task-links.js'

/** How far back an offline visit may be dated (the phone kept it while out of signal). */
const MAX_BACKDATE_DAYS = 7
const MAX_CLOCK_SKEW_MS = 10 * 60_000

async function answer(t: TxCtx, v: TVisitRow) {
  const tasks = await t.tx.select().from(visitTasks).where(eq(visitTasks.visitId, v.id))
  return { visit: toVisitItem(v, t.crypto), tasks: tasks.map((x) => toTaskItem(x, null)), duplicate: false }
}

/** Who owns a task: the community worker of the elder's community; the visitor when there is none. */
async function taskOwner(t: TxCtx, plan: TPlanRow, visitorName: string) {
  const [worker] = await findActiveUsersByRole(t.tx, 'community_worker', plan.regionCode)
  return worker ? { ownerId: worker.id, ownerName: worker.displayName } : { ownerId: t.actor!.userId, ownerName: visitorName }
}

/**
 * A visit recorded on the phone (issue 22 item 3). Offline-tolerant: the phone keeps the visit
 * with its idempotency key and resubmits until it gets an answer; the same key from the same
 * visitor returns the first visit, never a second one. A counted visit closes the plan's
 * period as visited; problems found become tasks (item 4).
 */
export async function recordVisit(ctx: Ctx, input: TRecordVisit) {
  requirePermission(ctx.actor, 'visit:record')
  const actor = ctx.actor
  return withTx(ctx, async (t) => {
    const [again] = await t.tx
      .select()
      .from(visits)
      .where(and(eq(visits.visitorId, actor.userId), eq(visits.idempotencyKey, input.idempotencyKey)))
    if (again) return { ...(await answer(t, again)), duplicate: true }

    const plan = await getPlanInScope(t.tx, actor, input.planId, true)
    if (plan.status !== 'active') throw new AppError('INVALID_TRANSITION', '该探访计划已结束，不能再登记探访')
    const now = t.clock.now()
    const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now
    if (visitedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
      throw new AppError('VALIDATION_FAILED', '探访时间不能晚于现在', [{ path: 'visitedAt', message: '探访时间不能晚于现在' }])
    if (visitedAt.getTime() < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000)
      throw new AppError('VALIDATION_FAILED', `只能补登 ${MAX_BACKDATE_DAYS} 天内的探访`, [
        { path: 'visitedAt', message: `只能补登 ${MAX_BACKDATE_DAYS} 天内的探访` },
      ])
    const missing = visitChecklistOn(todayInShanghai(visitedAt)).filter((i) => !input.checklist[i])
    if (missing.length)
      throw new AppError(
        'VALIDATION_FAILED',
        `请填写：${missing.map((i) => visitChecklistLabels[i]).join('、')}`,
        missing.map((i) => ({ path: `checklist.${i}`, message: `请选择${visitChecklistLabels[i]}` })),
      )
    if (input.confirmedBy !== 'none' && !input.confirmerName?.trim() && input.confirmedBy === 'family')
      throw new AppError('VALIDATION_FAILED', '请填写确认的家属姓名', [{ path: 'confirmerName', message: '请填写确认的家属姓名' }])

    // The ledger names people as the platform knows them (display name), never by login name.
    const me = (await getUsersBrief(t.tx, [actor.userId])).get(actor.userId)
    const visitorName = input.visitorName?.trim() || me?.displayName || actor.username
    const counted = input.mode === 'home' || plan.allowPhone
    const periodKey = counted ? periodKeyOf(plan.frequency, visitedAt) : null
    const [visit] = await t.tx
      .insert(visits)
      .values({
        planId: plan.id,
        elderId: plan.elderId,
        regionCode: plan.regionCode,
        visitorId: actor.userId,
        visitorName,
        mode: input.mode,
        visitedAt,
        periodKey,
        counted,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        checklist: input.checklist,
        problemsEnc: input.problems?.trim() ? t.crypto.encrypt(input.problems.trim()) : null,
        actionsEnc: input.actions?.trim() ? t.crypto.encrypt(input.actions.trim()) : null,
        noCareFound: input.noCareFound,
        confirmedBy: input.confirmedBy,
        confirmerName: input.confirmerName?.trim() || null,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning()
    if (!visit) {
      // The same key raced in from a second tab or a retry: the first one stands.
      const [first] = await t.tx
        .select()
        .from(visits)
        .where(and(eq(visits.visitorId, actor.userId), eq(visits.idempotencyKey, input.idempotencyKey)))
      return { ...(await answer(t, first!)), duplicate: true }
    }
    await appendAudit(t, {
      action: 'visit.recorded',
      entityType: 'visit',
      entityId: visit!.id,
      regionCode: visit!.regionCode,
      after: { ...visitAuditSnapshot(visit!), elderName: maskName(plan.elderName) },
    })
    await recordEvent(t, {
      type: visitEvents.recorded,
      entityType: 'visit',
      entityId: visit!.id,
      regionCode: visit!.regionCode,
      payload: { planId: plan.id, elderId: plan.elderId, periodKey, counted, mode: input.mode },
    })

    if (periodKey) {
      await openPeriod(t, plan, periodKey)
      const [period] = await t.tx
        .select()
        .from(visitPeriods)
        .where(and(eq(visitPeriods.planId, plan.id), eq(visitPeriods.periodKey, periodKey)))
        .for('update')
      if (period?.status === 'open')
        await runStep(t, {
          table: visitPeriods,
          step: visitPeriodFlow.visit,
          before: period,
          patch: { visitId: visit!.id },
          audit: { action: 'visit.period_visited', entityType: 'visit_period', snapshot: periodAuditSnapshot },
        })
      // Seen again: the missed streak and the red list end. A volunteer's step is the system's (they hold no plan permission).
      const later = !plan.lastVisitAt || plan.lastVisitAt < visitedAt
      await runStep(actor.role === 'volunteer' ? { ...t, actor: null } : t, {
        table: visitPlans,
        step: visitPlanFlow.assign,
        before: plan,
        patch: { lastVisitAt: later ? visitedAt : plan.lastVisitAt, missedInRow: 0, redListed: false },
        audit: { action: 'visit.plan_visited', entityType: 'visit_plan', snapshot: planAuditSnapshot, extra: { visitId: visit!.id } },
      })
    }

    const wanted: { kind: TVisitTaskKind; note: string; programmeCode?: string | null }[] = [...input.tasks]
    if (input.noCareFound && !wanted.some((w) => w.kind === 'supporter_notice'))
      wanted.push({ kind: 'supporter_notice', note: '失能老人无人照料，责成赡(扶)养人提供日常照料' })
    if (wanted.length) {
      const owner = await taskOwner(t, plan, visitorName)
      const today = todayInShanghai(now)
      for (const w of wanted) {
        const [task] = await t.tx
          .insert(visitTasks)
          .values({
            visitId: visit!.id,
            elderId: plan.elderId,
            regionCode: plan.regionCode,
            kind: w.kind,
            ...(w.kind === 'alarm' ? { ownerId: actor.userId, ownerName: visitorName } : owner),
            dueDate: addDays(today, visitTaskDueDays[w.kind]),
            note: w.note.trim(),
            createdAt: now,
            updatedAt: now,
          })
          .returning()
        // The task becomes real work in the module that does it, and keeps the link.
        const linked = (await linkAtVisit(t, task!, plan, { programmeCode: w.programmeCode, lat: input.latitude, lng: input.longitude })) ?? task!
        await appendAudit(t, {
          action: 'visit.task_raised',
          entityType: 'visit_task',
          entityId: task!.id,
          regionCode: task!.regionCode,
          after: taskAuditSnapshot(linked),
        })
        await recordEvent(t, {
          type: visitEvents.taskRaised,
          entityType: 'visit_task',
          entityId: task!.id,
          regionCode: task!.regionCode,
          payload: {
            taskId: task!.id,
            visitId: visit!.id,
            elderId: plan.elderId,
            kind: w.kind,
            urgent: w.kind === 'alarm',
            ownerId: task!.ownerId,
            linkType: linked.linkType,
            linkId: linked.linkId,
          },
        })
      }
    }
    if (input.noCareFound)
      await recordEvent(t, {
        type: visitEvents.noCareFound,
        entityType: 'visit',
        entityId: visit!.id,
        regionCode: visit!.regionCode,
        payload: { elderId: plan.elderId, visitId: visit!.id },
      })
    return answer(t, visit!)
  })
}
