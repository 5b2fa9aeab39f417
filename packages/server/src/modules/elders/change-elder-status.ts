import { elderStatusLabels, todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { requirePermission } from '../../platform/permissions.js'
import { appendAudit } from '../../platform/audit.js'
import { appendHistory } from './elder-history.js'
import { diffSnapshots, elderSnapshot } from './elders.mapper.js'
import { getElderInScope } from './elders.repo.js'
import type { TChangeStatus } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { getElder } from './get-elder.js'

/** Event types later modules (benefits, orders, visits) consume to stop services and payments. */
export const elderStatusEvents = { deceased: 'elder.deceased', moved_out: 'elder.moved_out', active: 'elder.reactivated' } as const

export async function changeElderStatus(ctx: Ctx, elderId: string, input: TChangeStatus) {
  requirePermission(ctx.actor, 'elder:write')
  const actor = ctx.actor
  const today = todayInShanghai(ctx.clock.now())
  const date = input.date ?? today
  await getElderInScope(ctx.db, actor, elderId)
  if (input.status !== 'active' && date > today) {
    throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', [{ path: 'date', message: '日期不能晚于今天' }])
  }
  await withTx(ctx, async (t) => {
    const row = await getElderInScope(t.tx, actor, elderId, true)
    if (row.version !== input.version) throw new AppError('CONFLICT', '该档案已被他人修改，请刷新后重试')
    if (row.status === input.status) throw new AppError('INVALID_TRANSITION', `该老年人已是“${elderStatusLabels[input.status]}”状态`)
    if (input.status !== 'active' && date < row.birthDate) {
      throw new AppError('VALIDATION_FAILED', '日期不能早于出生日期', [{ path: 'date', message: '日期不能早于出生日期' }])
    }
    const [updated] = await t.tx.update(elders).set({
      status: input.status, statusDate: input.status === 'active' ? null : date, statusReason: input.reason,
      version: row.version + 1, updatedAt: ctx.clock.now(),
    }).where(eq(elders.id, elderId)).returning()
    const before = elderSnapshot(row, ctx.crypto)
    const after = elderSnapshot(updated!, ctx.crypto)
    await appendHistory(t, { elderId, regionCode: row.regionCode, action: 'status', changes: diffSnapshots(before, after) })
    await appendAudit(t, { action: `elder.status_${input.status}`, entityType: 'elder', entityId: elderId, regionCode: row.regionCode, before, after })
    await recordEvent(t, {
      type: elderStatusEvents[input.status], entityType: 'elder', entityId: elderId, regionCode: row.regionCode,
      payload: { status: input.status, date: input.status === 'active' ? today : date, reason: input.reason, previousStatus: row.status },
    })
  })
  return getElder(ctx, elderId)
}
