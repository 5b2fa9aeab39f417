import { maskName, mealSplit, mealTimeLabels, orderEvents, settlementPostings, todayInShanghai } from '@yiyang/core'
import { and, count, eq, gt, isNotNull, ne, sql } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx } from '../../platform/context.js'
import { randomToken } from '../../platform/crypto.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { elderForCounterById } from '../elders/index.js'
import { skillOfCategory } from '../providers/index.js'
import { canteenMenu, counterCanteen } from './meal-canteen.js'
import type { TMealReceipt, TServeMeal } from './meals.schemas.js'
import { orderAuditSnapshot } from './orders.mapper.js'
import { orderReach, type TOrderRow } from './orders.repo.js'
import { addTimeline, orderStep } from './order-step.js'
import { serviceOrders } from './orders.tables.js'

const timeOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)

/**
 * A meal served at the counter (助餐, issue 19 item 5) is an order recorded in one step: the
 * order is written as requested and taken along the flow table's meal path to settled in the
 * same transaction, priced from the list in force, split by the meal subsidy table (core
 * mealSplit). A double tap with the same key returns the first meal; the same elder's second
 * meal at one meal time on one day, at any canteen, is refused (also by a unique index).
 */
export async function serveMeal(ctx: Ctx, input: TServeMeal): Promise<TMealReceipt> {
  const canteen = await counterCanteen(ctx)
  const actor = ctx.actor!
  const now = ctx.clock.now()
  const today = todayInShanghai(now)
  const receipt = (row: TOrderRow, repeated: boolean): TMealReceipt => ({
    orderId: row.id,
    orderNo: row.orderNo,
    canteenName: canteen.name,
    nameMasked: maskName(row.elderName),
    serviceDate: row.serviceDate,
    mealTime: row.mealTime!,
    itemName: row.itemName,
    priceFen: row.priceFen,
    subsidyFen: row.subsidyFen,
    selfPayFen: row.selfPayFen,
    basis: row.subsidyBasis,
    servedAt: row.createdAt.toISOString(),
    repeated,
  })
  return withTx(ctx, async (t) => {
    // One elder's meals are serialised: two counters (or two taps) at once cannot both serve.
    await t.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'meal:' + input.elderId}))`)
    const [again] = await t.tx
      .select()
      .from(serviceOrders)
      .where(and(eq(serviceOrders.providerId, canteen.id), eq(serviceOrders.idempotencyKey, input.idempotencyKey)))
    if (again) return receipt(again, true)
    const elder = await elderForCounterById(t.tx, { elderId: input.elderId, prefixes: canteen.serviceAreaPrefixes })
    if (!elder) throw new AppError('NOT_FOUND', '未找到该老人，或该老人不在本助餐点服务范围内')
    if (elder.status !== 'active') throw fieldError('elderId', '该老人已去世或迁出，不能登记用餐')
    const item = (await canteenMenu(t, canteen, today)).find((i) => i.code === input.itemCode)
    if (!item) throw fieldError('itemCode', '本助餐点今天没有这个餐品')
    const [done] = await t.tx
      .select({ createdAt: serviceOrders.createdAt, providerId: serviceOrders.providerId })
      .from(serviceOrders)
      .where(
        and(
          eq(serviceOrders.elderId, elder.id),
          eq(serviceOrders.serviceDate, today),
          eq(serviceOrders.mealTime, input.mealTime),
          ne(serviceOrders.status, 'cancelled'),
        ),
      )
    if (done) {
      const where = done.providerId === canteen.id ? `已于 ${timeOf(done.createdAt)} 在本助餐点登记` : '已在其他助餐点登记'
      throw new AppError('CONFLICT', `该老人今天的${mealTimeLabels[input.mealTime]}${where}，同一餐次每天只能登记一次`, [
        { path: 'mealTime', message: `今天的${mealTimeLabels[input.mealTime]}已登记` },
      ])
    }
    const [earlier] = await t.tx
      .select({ n: count() })
      .from(serviceOrders)
      .where(
        and(
          eq(serviceOrders.elderId, elder.id),
          eq(serviceOrders.serviceDate, today),
          eq(serviceOrders.mealTime, input.mealTime),
          isNotNull(serviceOrders.mealTime),
          gt(serviceOrders.subsidyFen, 0),
          ne(serviceOrders.status, 'cancelled'),
        ),
      )
    const split = mealSplit({
      priceFen: item.priceFen,
      elder: { categories: elder.categories, birthDate: elder.birthDate, hukou: elder.hukou },
      serviceDate: today,
      subsidisedEarlierThisMealTime: Number(earlier?.n ?? 0),
    })
    const [row] = await t.tx
      .insert(serviceOrders)
      .values({
        orderNo: `ZC${today.replaceAll('-', '')}${randomToken(4)
          .replace(/[^A-Za-z0-9]/g, '0')
          .slice(0, 5)
          .toUpperCase()}`,
        regionCode: elder.regionCode,
        elderId: elder.id,
        elderName: elder.name,
        addressEnc: elder.addressEnc,
        addressMasked: elder.addressMasked,
        providerId: canteen.id,
        itemCode: item.code,
        itemName: item.name,
        skill: skillOfCategory(item.category, item.name),
        unit: item.unit,
        editionId: item.editionId,
        editionVersionLabel: item.editionVersionLabel,
        payer: item.payer,
        unitPriceFen: item.priceFen,
        quantityTenths: 10,
        priceFen: split.priceFen,
        subsidyFen: split.subsidyFen,
        selfPayFen: split.selfPayFen,
        subsidyBasis: split.basis,
        serviceDate: today,
        plannedMinutes: 0,
        requesterKind: 'canteen',
        requestedBy: actor.userId,
        status: 'requested',
        mealTime: input.mealTime,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    await appendAudit(t, { action: 'order.requested', entityType: 'order', entityId: row!.id, regionCode: row!.regionCode, after: orderAuditSnapshot(row!) })
    await addTimeline(t, row!, 'request', null, 'requested', `${canteen.name} ${mealTimeLabels[input.mealTime]}`)
    const after = await orderStep(t, await orderReach(t.tx, actor), row!.id, {
      action: 'serveMeal',
      patch: { settledAt: now, postings: settlementPostings(split) },
      note: split.basis,
      event: {
        type: orderEvents.settled,
        payload: (r) => ({ priceFen: r.priceFen, subsidyFen: r.subsidyFen, selfPayFen: r.selfPayFen, mealTime: r.mealTime }),
      },
    })
    return receipt(after, false)
  })
}
