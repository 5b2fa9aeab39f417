import { COMPLAINT_HANDLING_WORKING_DAYS, addWorkingDays, todayInShanghai } from '@yiyang/core'
import { appendAudit } from '../../platform/audit.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { can, requirePermission } from '../../platform/permissions.js'
import { complaintAuditSnapshot } from './complaints.repo.js'
import { orderComplaints } from './complaints.tables.js'
import { getComplaint } from './get-complaint.js'
import { getOrderInScope, orderReach } from './orders.repo.js'
import type { TLodgeComplaint } from './supervision.schemas.js'

/**
 * A complaint against an order in the lodger's scope: by community staff for the elder or family,
 * by a 12349 operator, or by the bureau. Due in COMPLAINT_HANDLING_WORKING_DAYS working days
 * (holidays and adjusted working days from the platform calendar).
 */
export async function lodgeComplaint(ctx: Ctx, orderId: string, input: TLodgeComplaint) {
  requirePermission(ctx.actor, 'complaint:lodge')
  if (input.source === 'hotline' && ctx.actor.role !== 'operator' && !can(ctx.actor, 'complaint:handle'))
    throw new AppError('VALIDATION_FAILED', '热线来源的投诉由12349坐席登记', [{ path: 'source', message: '请选择其他来源' }])
  if (input.source === 'bureau' && !can(ctx.actor, 'complaint:handle'))
    throw new AppError('VALIDATION_FAILED', '民政部门来源的投诉由民政局登记', [{ path: 'source', message: '请选择其他来源' }])
  const actor = ctx.actor
  const id = await withTx(ctx, async (t) => {
    const reach = await orderReach(t.tx, actor)
    const order = await getOrderInScope(t.tx, reach, orderId)
    if (order.status === 'requested' || order.status === 'priced')
      throw new AppError('VALIDATION_FAILED', '服务商尚未接单的工单不能投诉，可直接取消', [{ path: 'orderId', message: '工单尚未接单' }])
    const today = todayInShanghai(t.clock.now())
    const cal = await loadWorkCalendar(t.tx, today)
    const [row] = await t.tx
      .insert(orderComplaints)
      .values({
        orderId: order.id,
        orderNo: order.orderNo,
        providerId: order.providerId,
        elderId: order.elderId,
        regionCode: order.regionCode,
        source: input.source,
        content: input.content,
        lodgedOn: today,
        dueOn: addWorkingDays(cal.isWorkingDay, today, COMPLAINT_HANDLING_WORKING_DAYS),
        lodgedBy: t.actor?.userId ?? null,
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returning()
    await appendAudit(t, {
      action: 'complaint.lodged',
      entityType: 'complaint',
      entityId: row!.id,
      regionCode: row!.regionCode,
      after: { ...complaintAuditSnapshot(row!), content: input.content },
    })
    return row!.id
  })
  return getComplaint(ctx, id)
}
