import { circleCoverage, circleRadiusMetres, percentOf, SERVICE_CIRCLE_UNCOVERED_BELOW, type TCircleCount } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { elderHomesInScope, type TElderHome } from '../elders/index.js'
import { serviceSites } from '../providers/index.js'
import { regionNames } from '../regions/index.js'
import type { TServiceCircle, TServiceCircleQuery } from './service-circle.schemas.js'

const withPct = (c: TCircleCount) => ({ ...c, walkPct: percentOf(c.walk, c.located), ebikePct: percentOf(c.ebike, c.located) })

/**
 * The 15-minute service circle (issue 20 item 5): per community in the actor's scope, how many
 * active elders live within `minutes` of a service site by walking and by e-bike. Permission
 * elder:read (it reads the registry, if only as counts); a region outside the scope gives an
 * empty answer like every list. Percentages are of the elders with a registered location; the
 * others are counted apart (located < elders), so missing coordinates show instead of hiding.
 */
export async function findServiceCircle(ctx: Ctx, q: TServiceCircleQuery): Promise<TServiceCircle> {
  requirePermission(ctx.actor, 'elder:read')
  const [homes, sites] = await Promise.all([elderHomesInScope(ctx.db, ctx.actor, q.regionCode), serviceSites(ctx.db)])
  const byCommunity = new Map<string, TElderHome[]>()
  for (const h of homes) byCommunity.set(h.regionCode, [...(byCommunity.get(h.regionCode) ?? []), h])
  const codes = [...byCommunity.keys()].sort()
  const names = await regionNames(ctx.db, [...codes, ...codes.map((c) => c.slice(0, 9) + '000')])
  const points = sites.map((s) => ({ lat: s.lat, lng: s.lng }))
  const communities = codes.map((code) => {
    const list = byCommunity.get(code)!
    const count = withPct(circleCoverage(list, points, q.minutes))
    const located = list.filter((h) => h.lat !== null && h.lng !== null)
    const centre = located.length
      ? {
          lat: Math.round((located.reduce((s, h) => s + h.lat!, 0) / located.length) * 1e5) / 1e5,
          lng: Math.round((located.reduce((s, h) => s + h.lng!, 0) / located.length) * 1e5) / 1e5,
        }
      : null
    return {
      code,
      name: names.get(code) ?? code,
      streetName: names.get(code.slice(0, 9) + '000') ?? null,
      centre,
      ...count,
      uncovered: count.located > 0 && count.walk / count.located < SERVICE_CIRCLE_UNCOVERED_BELOW,
    }
  })
  const sum = (k: 'elders' | 'located' | 'walk' | 'ebike') => communities.reduce((s, c) => s + c[k], 0)
  return {
    minutes: q.minutes,
    reach: { walk: circleRadiusMetres('walk', q.minutes), ebike: circleRadiusMetres('ebike', q.minutes) },
    sites: sites.map((s) => ({ id: s.id, name: s.name, kind: s.kind, lat: s.lat, lng: s.lng })),
    totals: withPct({ elders: sum('elders'), located: sum('located'), walk: sum('walk'), ebike: sum('ebike') }),
    communities,
  }
}
