import { maskName, type TOrderFlag } from '@yiyang/core'
import { and, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { isoDate } from '../../platform/http.js'
import { containsPattern, pageOffset, pageResult, regionFilter } from '../../platform/list.js'
import { requirePermission, type TActor } from '../../platform/permissions.js'
import { providerNames } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import type { TFindOrderFlags, TOrderFlagItem } from './meals.schemas.js'
import { orderFlagRecords, serviceOrders } from './orders.tables.js'
import type { TOrderFlagRow } from './order-flags.js'

/** Flags reach supervisors by the order's region (a provider's staff have no supervision). */
export function flagWhere(actor: TActor, regionCode?: string | null): SQL {
  if (actor.role === 'provider_admin' || actor.role === 'caregiver') return sql`false`
  return regionFilter(orderFlagRecords.regionCode, actor, regionCode)
}

export async function getFlagInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TOrderFlagRow> {
  const q = db
    .select()
    .from(orderFlagRecords)
    .where(and(eq(orderFlagRecords.id, id), flagWhere(actor)))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND', '异常记录不存在或不在您的管辖范围内')
  return row
}

/** 工单异常: the order anomaly flags in scope, open first and newest first, for a supervisor. */
export async function findOrderFlags(ctx: Ctx, q: TFindOrderFlags) {
  requirePermission(ctx.actor, 'order:supervise')
  const where = and(
    flagWhere(ctx.actor, q.regionCode),
    q.status ? eq(orderFlagRecords.status, q.status) : undefined,
    q.flag ? eq(orderFlagRecords.flag, q.flag) : undefined,
    q.q
      ? or(
          like(serviceOrders.orderNo, containsPattern(q.q.toUpperCase())),
          like(serviceOrders.elderName, containsPattern(q.q)),
          like(serviceOrders.itemName, containsPattern(q.q)),
        )
      : undefined,
  )
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        f: orderFlagRecords,
        o: {
          orderNo: serviceOrders.orderNo,
          status: serviceOrders.status,
          elderName: serviceOrders.elderName,
          itemName: serviceOrders.itemName,
          serviceDate: serviceOrders.serviceDate,
        },
      })
      .from(orderFlagRecords)
      .innerJoin(serviceOrders, eq(serviceOrders.id, orderFlagRecords.orderId))
      .where(where)
      .orderBy(desc(orderFlagRecords.raisedAt), orderFlagRecords.id)
      .limit(q.pageSize)
      .offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(orderFlagRecords).innerJoin(serviceOrders, eq(serviceOrders.id, orderFlagRecords.orderId)).where(where),
  ])
  const [providers, regions] = await Promise.all([
    providerNames(
      ctx.db,
      rows.map((r) => r.f.providerId),
    ),
    regionNames(
      ctx.db,
      rows.map((r) => r.f.regionCode),
    ),
  ])
  const items: TOrderFlagItem[] = rows.map(({ f, o }) => ({
    id: f.id,
    orderId: f.orderId,
    orderNo: o.orderNo,
    orderStatus: o.status,
    elderNameMasked: maskName(o.elderName),
    itemName: o.itemName,
    serviceDate: o.serviceDate,
    providerName: providers.get(f.providerId) ?? '',
    regionName: regions.get(f.regionCode) ?? '',
    flag: f.flag as TOrderFlag,
    detail: f.detail,
    status: f.status as TOrderFlagItem['status'],
    version: f.version,
    raisedAt: f.raisedAt.toISOString(),
    resolvedAt: isoDate(f.resolvedAt),
    resolveNote: f.resolveNote,
  }))
  return pageResult(items, Number(total?.n ?? 0), q)
}
