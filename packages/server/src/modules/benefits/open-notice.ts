import { addDays, todayInShanghai, type TIsWorkingDay, type TProgramme } from '@yiyang/core'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { defineJob, enqueueJob } from '../../platform/jobs.js'
import { withTx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { applicationStep, getProgramme } from './benefits.repo.js'
import type { TApplicationRow } from './benefits.mapper.js'
import { benefitApplications } from './benefits.tables.js'
import { eq } from 'drizzle-orm'

/** Midnight (Asia/Shanghai) after the last 公示 day: when the close timer fires. */
export const noticeCloseAt = (noticeEnd: string) => new Date(`${addDays(noticeEnd, 1)}T00:00:00+08:00`)

/** Schedules the durable timer that closes this round of the 公示. */
export async function scheduleNoticeClose(t: TxCtx, row: TApplicationRow) {
  await enqueueJob(t, {
    kind: closeNoticeJob.kind,
    input: { applicationId: row.id, round: row.noticeRound },
    idempotencyKey: `${row.id}:${row.noticeRound}`,
    runAt: noticeCloseAt(row.noticeEnd!),
    regionCode: row.regionCode,
  })
}

/** Posts the 公示 for the programme's number of calendar days, from today, and sets its close timer. */
export async function postNotice(
  t: TxCtx,
  programme: TProgramme,
  row: TApplicationRow,
  isWorkingDay: TIsWorkingDay,
  action: 'openNotice' | 'dismissObjection' = 'openNotice',
  extra?: Record<string, unknown>,
) {
  const today = todayInShanghai(t.clock.now())
  const after = await applicationStep(t, {
    programme,
    action,
    before: row,
    isWorkingDay,
    patch: { noticeStart: today, noticeEnd: addDays(today, programme.notice.days - 1), noticeRound: row.noticeRound + 1 },
    extra,
  })
  await scheduleNoticeClose(t, after)
  return after
}

/**
 * The 公示 window has ended: notice_open → notice_closed, unless an objection paused it or it was
 * posted again (another round). Idempotent, so a retried run does nothing twice.
 */
export async function closeNoticeIfDue(ctx: Ctx, applicationId: string, round: number) {
  return withTx({ ...ctx, actor: null }, async (t) => {
    const [row] = await t.tx.select().from(benefitApplications).where(eq(benefitApplications.id, applicationId)).for('update')
    const today = todayInShanghai(ctx.clock.now())
    if (!row || row.status !== 'notice_open' || row.noticeRound !== round || !row.noticeEnd || row.noticeEnd >= today) return { closed: false }
    const programme = await getProgramme(t.tx, row.programmeCode)
    const cal = await loadWorkCalendar(t.tx, today)
    await applicationStep(t, { programme, action: 'closeNotice', before: row, isWorkingDay: cal.isWorkingDay })
    return { closed: true }
  })
}

export const closeNoticeJob = defineJob<{ applicationId: string; round: number }>({
  kind: 'benefits.close_notice',
  label: '公示期满',
  maxAttempts: 5,
  run: (ctx, job) => closeNoticeIfDue(ctx, job.input.applicationId, job.input.round),
})
