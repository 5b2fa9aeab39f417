import { demoDistrictOutline, demoTownshipOutline } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { can } from '../../platform/permissions.js'
import { regionsInScope } from '../regions/index.js'
import type { TMapContext } from './service-circle.schemas.js'

/**
 * What the web map needs besides its points (issue 20 item 2): the tile source from the
 * configuration (MAP_TILE_URL; none means outlines only, which also works offline) and the
 * outlines of the district and the streets in the actor's scope from the demo geography.
 * Staff who dispatch or read the registry may ask; nothing personal is in it.
 */
export async function getMapContext(ctx: Ctx): Promise<TMapContext> {
  const actor = ctx.actor
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  if (!can(actor, 'elder:read') && !can(actor, 'dispatch:read')) throw new AppError('FORBIDDEN', '没有权限')
  const rows = await regionsInScope(ctx.db, actor)
  const outlines: TMapContext['outlines'] = []
  for (const r of rows) {
    const points = r.level === 'county' ? demoDistrictOutline() : r.level === 'township' ? demoTownshipOutline(r.code) : null
    if (points && (r.level !== 'county' || r.code === '620702000000')) outlines.push({ code: r.code, name: r.name, level: r.level, points })
  }
  const m = ctx.config.map
  const towns = outlines.filter((o) => o.level === 'township')
  const all = (towns.length ? towns : outlines).flatMap((o) => o.points)
  const centre = all.length
    ? { lat: all.reduce((s, p) => s + p.lat, 0) / all.length, lng: all.reduce((s, p) => s + p.lng, 0) / all.length }
    : { lat: 38.93, lng: 100.45 }
  return {
    tiles: {
      url: m?.tileUrl ?? null,
      labelUrl: m?.labelUrl ?? null,
      subdomains: m?.subdomains ?? '',
      attribution: m?.attribution ?? '',
      gcj02: m?.gcj02 ?? false,
    },
    outlines,
    centre,
  }
}
