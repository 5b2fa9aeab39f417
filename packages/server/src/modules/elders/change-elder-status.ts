import { elderEvents, elderStatusFlow, elderStatusLabels, elderStatusStep, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { appendHistory } from './elder-history.js'
import { diffSnapshots, elderSnapshot } from './elders.mapper.js'
import { getElderInScope } from './elders.repo.js'
import type { TChangeStatus } from './elders.schemas.js'
import { elders } from './elders.tables.js'
import { getElder } from './get-elder.js'

/** Event types later modules (benefits, orders, visits) consume to stop services and payments. */
export const elderStatusEvents = { deceased: elderEvents.deceased, moved_out: elderEvents.movedOut, active: elderEvents.reactivated } as const

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
    const snapshot = (r: typeof row) => elderSnapshot(r, ctx.crypto)
    const updated = await runStep(t, {
      table: elders,
      step: elderStatusFlow[elderStatusStep[input.status]],
      before: row,
      version: input.version,
      patch: { statusDate: input.status === 'active' ? null : date, statusReason: input.reason },
      audit: { action: `elder.status_${input.status}`, entityType: 'elder', snapshot },
      event: {
        type: elderStatusEvents[input.status],
        payload: () => ({ status: input.status, date: input.status === 'active' ? today : date, reason: input.reason, previousStatus: row.status }),
      },
    })
    await appendHistory(t, { elderId, regionCode: row.regionCode, action: 'status', changes: diffSnapshots(snapshot(row), snapshot(updated)) })
  })
  return getElder(ctx, elderId)
}
