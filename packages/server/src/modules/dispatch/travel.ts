/**
 * Travel times for the dispatch model (issue 20 item 1). With `ROUTING_URL` set, an OSRM
 * server's table service gives the durations matrix (`GET {url}/table/v1/{profile}/{lng,lat;…}
 * ?annotations=duration`); pairs it cannot route (null) and any failure fall back to the great
 * circle × detour factor at e-bike speed (core geo), so planning never stops for the router.
 */
import { defaultTravelModel, travelSeconds } from '@yiyang/core'
import type { TLatLng, TTravelSource } from './dispatch.model.js'

export type TRoutingConfig = { url?: string; profile: string }
type TLog = { warn(obj: unknown, msg: string): void }

/** Minutes from every point to every point, by haversine (core geo, e-bike). */
export function haversineMinutes(points: TLatLng[]): number[][] {
  return points.map((a) => points.map((b) => travelSeconds(a, b, 'ebike', defaultTravelModel) / 60))
}

/**
 * The OSRM durations matrix in minutes, or null when no routing engine is configured or it
 * failed (the caller uses the haversine model then). Coordinates go out as WGS-84 lng,lat
 * with six decimals (about 0.1 m).
 */
export async function osrmMinutes(cfg: TRoutingConfig, points: TLatLng[], fetchImpl: typeof fetch = fetch, log?: TLog): Promise<number[][] | null> {
  if (!cfg.url || points.length < 2) return null
  const coords = points.map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(';')
  const url = `${cfg.url.replace(/\/+$/, '')}/table/v1/${cfg.profile}/${coords}?annotations=duration`
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(15_000) })
    if (!res.ok) throw new Error(`路径服务返回 ${res.status}`)
    const body = (await res.json()) as { code?: string; durations?: (number | null)[][] }
    if (body.code !== 'Ok' || !Array.isArray(body.durations) || body.durations.length !== points.length)
      throw new Error(`路径服务应答无效：${body.code ?? '无代码'}`)
    const fallback = haversineMinutes(points)
    return body.durations.map((row, i) =>
      points.map((_, j) => {
        const s = row?.[j]
        return typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s / 60 : fallback[i]![j]!
      }),
    )
  } catch (e) {
    log?.warn({ err: (e as Error).message }, 'routing engine unavailable, using haversine travel times')
    return null
  }
}

/** The travel matrix for a set of points: the routing engine's when it answers, else null (haversine model in the solver). */
export async function travelMatrix(
  cfg: TRoutingConfig,
  points: TLatLng[],
  fetchImpl?: typeof fetch,
  log?: TLog,
): Promise<{ source: TTravelSource; matrix: number[][] | null }> {
  const m = await osrmMinutes(cfg, points, fetchImpl, log)
  return m ? { source: 'osrm', matrix: m } : { source: 'haversine', matrix: null }
}
