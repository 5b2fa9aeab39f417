import { periodKeyOf, periodRange, previousPeriodKey, ruralMonthlyVisitRate, weeklyVisitRate } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { narrowPrefix } from '../../platform/list.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { childPrefixLength, rateData } from './rate-data.js'
import type { TRatesQuery } from './visits.schemas.js'

const empty = { numerator: 0, denominator: 0, rate: null, target: 1, met: false }

/**
 * 周探访率 and the rural monthly visit rate (domain.md §13) for a region, with the same rates for
 * each child region (drill-down) and the last 8 weeks' trend. Out of scope: all empty, no hint.
 */
export async function getRates(ctx: Ctx, q: TRatesQuery) {
  requirePermission(ctx.actor, 'visit:read')
  const now = ctx.clock.now()
  const week = q.week ?? periodKeyOf('weekly', now)
  const month = q.month ?? periodKeyOf('monthly', now)
  const prefix = narrowPrefix(ctx.actor, q.regionCode)
  const regionCode = (q.regionCode ?? ctx.actor.scopeRegionCode).slice(0, 12)
  const names = await regionNames(ctx.db, [regionCode])
  if (prefix === null) return { week, month, regionCode, regionName: null, weekly: empty, ruralMonthly: empty, children: [], trend: [] }
  const pattern = scopeLike(prefix)
  const [w, m] = await Promise.all([rateData(ctx.db, pattern, 'weekly', week), rateData(ctx.db, pattern, 'monthly', month)])
  const childLen = childPrefixLength(prefix.length)
  const children: { regionCode: string; weekly: ReturnType<typeof weeklyVisitRate>; ruralMonthly: ReturnType<typeof weeklyVisitRate> }[] = []
  if (childLen) {
    const keys = [...new Set([...w.targets, ...m.targets].map((x) => x.regionCode.slice(0, childLen)))].sort()
    for (const k of keys) {
      const inK = <T extends { regionCode: string }>(xs: T[]) => xs.filter((x) => x.regionCode.startsWith(k))
      children.push({
        regionCode: k.padEnd(12, '0'),
        weekly: weeklyVisitRate(inK(w.targets), inK(w.visits), week),
        ruralMonthly: ruralMonthlyVisitRate(inK(m.targets), inK(m.visits), month),
      })
    }
  }
  const trendKeys = [week]
  while (trendKeys.length < 8) trendKeys.unshift(previousPeriodKey(trendKeys[0]!))
  const trend = []
  for (const k of trendKeys) {
    if (periodRange(k).start > now) continue
    const d = k === week ? w : await rateData(ctx.db, pattern, 'weekly', k)
    trend.push({ week: k, rate: weeklyVisitRate(d.targets, d.visits, k).rate })
  }
  const childNames = await regionNames(
    ctx.db,
    children.map((c) => c.regionCode),
  )
  return {
    week,
    month,
    regionCode,
    regionName: names.get(regionCode) ?? null,
    weekly: weeklyVisitRate(w.targets, w.visits, week),
    ruralMonthly: ruralMonthlyVisitRate(m.targets, m.visits, month),
    children: children.map((c) => ({ ...c, regionName: childNames.get(c.regionCode) ?? null })),
    trend,
  }
}
