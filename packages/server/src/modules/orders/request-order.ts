import { orderEvents, orderPriceFen, serviceUnitLabels, staffCountOfItem, todayInShanghai } from '@yiyang/core'
import { and, eq, notInArray } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx, type TxCtx } from '../../platform/context.js'
import { fieldError } from '../../platform/errors.js'
import { randomToken } from '../../platform/crypto.js'
import { requirePermission } from '../../platform/permissions.js'
import { getElderForService } from '../elders/index.js'
import { itemInForce } from '../catalog/index.js'
import { providerServing, skillOfCategory } from '../providers/index.js'
import { drawServiceCredit } from './draw-service-credit.js'
import { getOrder } from './get-order.js'
import { orderAuditSnapshot } from './orders.mapper.js'
import { orderReach } from './orders.repo.js'
import { addTimeline, orderStep } from './order-step.js'
import { recordOrderFlags } from './order-flags.js'
import type { TRequestOrder } from './orders.schemas.js'
import { serviceOrders } from './orders.tables.js'

/**
 * A request (community worker, hotline operator, or either on the family's behalf) becomes an
 * order priced from the service-list edition in force on the service date, its subsidy part
 * drawn from the elder's credits and the rest self-pay, in one transaction. Another module
 * (visits: a task raised on a visit) passes `within` to lock its own row first (`first`, before
 * any audit row: the lock order every use case keeps) and record its link (`then`) in the same transaction.
 */
export async function requestOrder(
  ctx: Ctx,
  input: TRequestOrder,
  within?: { first?: (t: TxCtx) => Promise<void>; then: (t: TxCtx, orderId: string) => Promise<void> },
) {
  requirePermission(ctx.actor, 'order:request')
  const actor = ctx.actor
  const elder = await getElderForService(ctx, input.elderId)
  if (elder.status !== 'active') throw fieldError('elderId', '该老人已去世或迁出，不能申请服务')
  if (input.serviceDate < todayInShanghai(ctx.clock.now())) throw fieldError('serviceDate', '服务日期不能早于今天')
  if ((input.homeLat == null) !== (input.homeLng == null)) throw fieldError('homeLat', '经纬度应同时填写')
  const id = await withTx(ctx, async (t) => {
    if (within?.first) await within.first(t)
    const provider = await providerServing(t.tx, input.providerId, elder.regionCode)
    if (!provider) throw fieldError('providerId', '该服务商未登记、已暂停或不服务老人所在社区')
    const item = await itemInForce(t, { regionCode: elder.regionCode, itemCode: input.itemCode, serviceDate: input.serviceDate })
    if (!item) throw fieldError('itemCode', '服务日期没有生效的该服务项目')
    if (provider.serviceItems.length > 0 && !provider.serviceItems.some((i) => i.itemCode === item.code))
      throw fieldError('itemCode', '该服务商未登记提供此服务项目')
    const quantityTenths = Math.round(input.quantity * 10)
    const priceFen = orderPriceFen(item.priceFen, quantityTenths)
    const split = await drawServiceCredit(t, { elderId: elder.id, amountFen: priceFen, orderId: null })
    // Fund anomaly (domain.md §13): the same item for the same elder twice in a day is flagged, not refused.
    const [twice] = await t.tx
      .select({ id: serviceOrders.id })
      .from(serviceOrders)
      .where(
        and(
          eq(serviceOrders.elderId, elder.id),
          eq(serviceOrders.itemCode, item.code),
          eq(serviceOrders.serviceDate, input.serviceDate),
          notInArray(serviceOrders.status, ['cancelled', 'no_show']),
        ),
      )
      .limit(1)
    const [row] = await t.tx
      .insert(serviceOrders)
      .values({
        orderNo: `GD${input.serviceDate.replaceAll('-', '')}${randomToken(4)
          .replace(/[^A-Za-z0-9]/g, '0')
          .slice(0, 5)
          .toUpperCase()}`,
        regionCode: elder.regionCode,
        elderId: elder.id,
        elderName: elder.name,
        addressEnc: elder.addressEnc,
        addressMasked: elder.addressMasked,
        // Not given: the elder's registered home (issue 20 item 1), so dispatch can place the visit.
        homeLat: input.homeLat ?? elder.homeLat ?? null,
        homeLng: input.homeLat != null ? (input.homeLng ?? null) : (elder.homeLng ?? null),
        providerId: provider.id,
        itemCode: item.code,
        itemName: item.name,
        skill: skillOfCategory(item.category, item.name),
        staffCount: staffCountOfItem(item),
        unit: item.unit,
        editionId: item.editionId,
        editionVersionLabel: item.editionVersionLabel,
        payer: item.payer,
        unitPriceFen: item.priceFen,
        quantityTenths,
        priceFen: split.priceFen,
        subsidyFen: split.subsidyFen,
        selfPayFen: split.selfPayFen,
        subsidyBasis: split.basis,
        serviceDate: input.serviceDate,
        windowStart: input.windowStart ? new Date(input.windowStart) : null,
        plannedMinutes: input.plannedMinutes,
        requesterKind: input.requesterKind,
        requestedBy: actor.userId,
        requestNote: input.note ?? null,
        status: 'requested',
        flags: twice ? ['same_item_same_day'] : [],
      })
      .returning()
    await appendAudit(t, { action: 'order.requested', entityType: 'order', entityId: row!.id, regionCode: row!.regionCode, after: orderAuditSnapshot(row!) })
    await addTimeline(t, row!, 'request', null, 'requested', input.note)
    await recordOrderFlags(t, row!, { same_item_same_day: `同日已有${item.name}工单` })
    await orderStep(t, await orderReach(t.tx, actor), row!.id, {
      action: 'price',
      note: `${item.editionVersionLabel}：${item.name} ${(item.priceFen / 100).toFixed(2)} 元/${serviceUnitLabels[item.unit]} × ${quantityTenths / 10}；${split.basis}`,
      event: { type: orderEvents.requested },
    })
    if (within) await within.then(t, row!.id)
    return row!.id
  })
  return getOrder(ctx, id)
}
