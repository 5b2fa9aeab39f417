import { and, eq, inArray, ne } from 'drizzle-orm'
import { addMonths, benefitEvents, type TProgramme } from '@yiyang/core'
import type { TxCtx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { benefitAuditSnapshot, type TApplicationRow, type TBenefitRow } from './benefits.mapper.js'
import { benefitHistory, benefits } from './benefits.tables.js'
import { loadProgrammes } from './benefits.repo.js'

/** Adds a history row (once per benefit, kind and month) — the 待遇 tab and the audit of changes. */
export async function addHistory(
  t: TxCtx,
  b: TBenefitRow,
  h: { kind: 'granted' | 'band_change' | 'stopped' | 'review_due' | 'resumed'; from: number | null; to: number | null; month: string; reason: string },
) {
  const rows = await t.tx
    .insert(benefitHistory)
    .values({
      benefitId: b.id,
      elderId: b.elderId,
      regionCode: b.regionCode,
      programmeCode: b.programmeCode,
      kind: h.kind,
      fromAmountFen: h.from,
      toAmountFen: h.to,
      effectiveMonth: h.month,
      reason: h.reason,
      actorId: t.actor?.userId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: benefitHistory.id })
  return rows.length > 0
}

/** Stops a benefit from `month` (the first month not paid), with its reason, history and event. */
export async function stopBenefit(t: TxCtx, b: TBenefitRow, month: string, reason: string, cause: 'elder_left' | null = null) {
  const [after] = await t.tx
    .update(benefits)
    .set({
      status: 'stopped',
      stopMonth: month < b.fromMonth ? b.fromMonth : month,
      stopReason: reason,
      stopCause: cause,
      version: b.version + 1,
      updatedAt: t.clock.now(),
    })
    .where(and(eq(benefits.id, b.id), eq(benefits.status, 'active')))
    .returning()
  if (!after) return null
  await appendAudit(t, {
    action: 'benefit.stopped',
    entityType: 'benefit',
    entityId: b.id,
    regionCode: b.regionCode,
    before: benefitAuditSnapshot(b),
    after: { ...benefitAuditSnapshot(after), reason },
  })
  await addHistory(t, after, { kind: 'stopped', from: b.amountFen, to: 0, month: after.stopMonth!, reason })
  await recordEvent(t, {
    type: benefitEvents.stopped,
    entityType: 'benefit',
    entityId: b.id,
    regionCode: b.regionCode,
    payload: { elderId: b.elderId, programmeCode: b.programmeCode, stopMonth: after.stopMonth, reason },
  })
  return after
}

/**
 * The benefit an approval makes: paid from `fromMonth` (the month after approval, earlier when the
 * approval was overdue: back pay). 择高申领 (from `othersStopFrom`, the month after approval: months
 * already paid are not taken back): of
 * one exclusivity group the elder keeps only the highest amount — a lower one held is stopped
 * from the same month; a higher or equal one held refuses this grant.
 */
export async function grantBenefit(t: TxCtx, programme: TProgramme, app: TApplicationRow, amountFen: number, fromMonth: string, othersStopFrom = fromMonth) {
  let from = fromMonth
  if (programme.group) {
    const groupCodes = (await loadProgrammes(t.tx)).filter((p) => p.definition.group === programme.group && p.code !== programme.code).map((p) => p.code)
    if (groupCodes.length) {
      const held = await t.tx
        .select()
        .from(benefits)
        .where(and(eq(benefits.elderId, app.elderId), eq(benefits.status, 'active'), inArray(benefits.programmeCode, groupCodes), ne(benefits.id, app.id)))
        .for('update')
      for (const b of held) {
        if (b.amountFen >= amountFen) {
          throw new AppError('NOT_ELIGIBLE', '该老人已享受同类（互斥）补贴且金额不低于本项，按择高申领不能同时享受', [
            { path: 'programmeCode', message: '择高申领' },
          ])
        }
        await stopBenefit(t, b, othersStopFrom, `择高申领：改为享受${programme.name}`)
        // The one it replaces was paid up to then: no back pay over the same months in one group.
        if (from < othersStopFrom) from = othersStopFrom
      }
    }
  }
  const [b] = await t.tx
    .insert(benefits)
    .values({
      elderId: app.elderId,
      regionCode: app.regionCode,
      programmeCode: programme.code,
      applicationId: app.id,
      amountFen,
      fromMonth: from,
      nextReviewMonth: addMonths(`${from}-01`, programme.reviewCycleMonths).slice(0, 7),
    })
    .returning()
  await appendAudit(t, { action: 'benefit.granted', entityType: 'benefit', entityId: b!.id, regionCode: b!.regionCode, after: benefitAuditSnapshot(b!) })
  await addHistory(t, b!, { kind: 'granted', from: null, to: amountFen, month: from, reason: `${programme.name}申请获批，自${from}起享受` })
  await recordEvent(t, {
    type: benefitEvents.granted,
    entityType: 'benefit',
    entityId: b!.id,
    regionCode: b!.regionCode,
    payload: { elderId: b!.elderId, programmeCode: b!.programmeCode, amountFen, fromMonth: from },
  })
  return b!
}
