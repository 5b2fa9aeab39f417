import { and, eq } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx } from '../../platform/context.js'
import { defineJob } from '../../platform/jobs.js'
import { notifierFor } from '../../platform/notifier.js'
import { elderContactPhones } from '../elders/index.js'
import { NOTIFY_SUPPORTER_JOB, type TNotifySupporterInput } from './task-links.js'
import { visitTasks } from './visits.tables.js'

/**
 * 责成赡(扶)养人照料 (S002): the elder's guardians (all contacts when none is marked guardian) are
 * told through the platform's notifier — the log by default, the SMS gateway when configured.
 * The notice is audited on the task (names and channel, never the phone numbers); the task stays
 * open for its owner to check that care is in place. A contact that could not be reached is
 * named in the audit; the job does not resend to those already told.
 */
export const notifySupporterJob = defineJob<TNotifySupporterInput>({
  kind: NOTIFY_SUPPORTER_JOB,
  label: '通知赡(扶)养人',
  maxAttempts: 3,
  async run(ctx, job) {
    const [task] = await ctx.db.select().from(visitTasks).where(eq(visitTasks.id, job.input.taskId))
    if (!task || task.status !== 'open') return { skipped: true }
    const contacts = await elderContactPhones(ctx, task.elderId)
    const guardians = contacts.filter((c) => c.isGuardian)
    const to = guardians.length ? guardians : contacts
    const notifier = notifierFor(ctx.config)
    const text = `【颐养】社区探访发现您的家人需要照料，请于${task.dueDate}前落实日常照料，并与社区工作人员${task.ownerName ?? ''}联系。`
    const sent: string[] = []
    const failed: string[] = []
    for (const c of to)
      await notifier.send({ to: c.phone, text, kind: 'supporter' }).then(
        () => sent.push(c.name),
        () => failed.push(c.name),
      )
    // The task row first, then the audit (the order every use case locks them in: no deadlock with a worker closing the task).
    await withTx({ ...ctx, actor: null }, async (t) => {
      const note =
        to.length === 0 ? '未登记赡(扶)养人联系方式，请上门告知' : `已通知：${sent.join('、') || '无'}${failed.length ? `；未送达：${failed.join('、')}` : ''}`
      await t.tx
        .update(visitTasks)
        .set({ resultNote: note, updatedAt: t.clock.now() })
        .where(and(eq(visitTasks.id, task.id), eq(visitTasks.status, 'open')))
      await appendAudit(t, {
        action: 'visit.supporter_notified',
        entityType: 'visit_task',
        entityId: task.id,
        regionCode: task.regionCode,
        after: { sent, failed, channel: notifier.name, noContact: to.length === 0 },
      })
    })
    return { sent: sent.length, failed: failed.length }
  },
})
