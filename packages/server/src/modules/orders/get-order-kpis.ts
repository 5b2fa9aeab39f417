import { SATISFACTION_TARGET, SATISFIED_MIN_RATING, certifiedRate, complaintRate, onTimeRate, satisfactionRate, todayInShanghai } from '@yiyang/core'
import { and, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { narrowPrefix } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverCertification } from '../providers/index.js'
import { monthRange, orderKpiFacts } from './order-kpi-facts.js'
import { orderReach, orderWhere } from './orders.repo.js'
import { serviceOrders } from './orders.tables.js'
import type { TKpiQuery, TOrderKpis } from './supervision.schemas.js'

const ratio = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value })

/**
 * 持证上岗率, 满意率, on-time rate and complaint rate for a month, in the caller's scope (a
 * provider admin their provider; staff the orders of their region and the caregivers of the
 * providers registered in it), each with its numerator and denominator, by core's KPI functions.
 */
export async function getOrderKpis(ctx: Ctx, q: TKpiQuery): Promise<TOrderKpis> {
  requirePermission(ctx.actor, 'order:read')
  requirePermission(ctx.actor, 'provider:read')
  const actor = ctx.actor
  const reach = await orderReach(ctx.db, actor)
  const where = and(orderWhere(reach, q.regionCode), q.providerId ? eq(serviceOrders.providerId, q.providerId) : undefined)
  const today = todayInShanghai(ctx.clock.now())
  const { to } = monthRange(q.month)
  const onDate = to < today ? to : today
  const certReach =
    actor.role === 'provider_admin'
      ? actor.providerId && (!q.providerId || q.providerId === actor.providerId)
        ? { providerId: actor.providerId }
        : null
      : narrowPrefix(actor, q.regionCode) === null
        ? null
        : { regionPrefix: narrowPrefix(actor, q.regionCode)!, ...(q.providerId ? { providerId: q.providerId } : {}) }
  const [facts, caregivers] = await Promise.all([orderKpiFacts(ctx.db, where, q.month), certReach ? caregiverCertification(ctx.db, certReach, onDate) : []])
  const satisfied = facts.ratings.filter((r) => r >= SATISFIED_MIN_RATING).length
  const sat = satisfactionRate(facts.ratings)
  return {
    month: q.month,
    certifiedRate: { ...ratio(caregivers.filter((c) => c.certified).length, caregivers.length, certifiedRate(caregivers)), onDate },
    satisfactionRate: {
      ...ratio(satisfied, facts.ratings.length, sat),
      target: SATISFACTION_TARGET,
      meetsTarget: sat === null ? null : sat >= SATISFACTION_TARGET,
    },
    onTimeRate: ratio(facts.checkIns.filter((c) => !c.late).length, facts.checkIns.length, onTimeRate(facts.checkIns)),
    complaintRate: ratio(facts.upheldComplaints, facts.completedOrders, complaintRate(facts.upheldComplaints, facts.completedOrders)),
  }
}
