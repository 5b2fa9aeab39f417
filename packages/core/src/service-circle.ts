/**
 * The 15-minute service circle (15分钟养老服务圈, issue 20 item 5; seeds 003/004): which homes are
 * within a travel time of a service site, by walking and by e-bike, from the same travel model
 * as dispatch (core geo.ts: great circle × detour at a speed per mode).
 */
import { defaultTravelModel, travelSeconds, type TLatLng, type TTravelMode, type TTravelModel } from './geo.js'

export const SERVICE_CIRCLE_MINUTES = 15
export const serviceCircleModes = ['walk', 'ebike'] as const satisfies readonly TTravelMode[]
export type TServiceCircleMode = (typeof serviceCircleModes)[number]
export const serviceSiteKindLabels = { home_care: '居家养老服务站', canteen: '助餐点（敬老餐厅）' } as const
/** A community is listed as uncovered when fewer than this share of its located elders are within the walk [DESIGN]. */
export const SERVICE_CIRCLE_UNCOVERED_BELOW = 0.5

/** The straight-line radius a mode reaches in `minutes` (what the map draws around a site). */
export function circleRadiusMetres(mode: TTravelMode, minutes: number, model: TTravelModel = defaultTravelModel): number {
  return Math.floor((((model.speedsKmh[mode] * 1000) / 60) * minutes) / model.detour)
}

/**
 * The shortest travel time in seconds from a home to any site by a mode, or null when no site is
 * within `limitSeconds` (sites farther than the straight-line reach are skipped without the trig).
 */
export function nearestSiteSeconds(
  home: TLatLng,
  sites: readonly TLatLng[],
  mode: TTravelMode,
  limitSeconds: number,
  model: TTravelModel = defaultTravelModel,
): number | null {
  const reach = (((model.speedsKmh[mode] * 1000) / 3600) * limitSeconds) / model.detour
  const dLat = reach / 111_000 + 1e-6
  const dLng = dLat / Math.max(0.01, Math.cos((home.lat * Math.PI) / 180))
  let best: number | null = null
  for (const s of sites) {
    if (Math.abs(s.lat - home.lat) > dLat || Math.abs(s.lng - home.lng) > dLng) continue
    const sec = travelSeconds(home, s, mode, model)
    if (sec <= limitSeconds && (best === null || sec < best)) best = sec
  }
  return best
}

export type TCircleCount = { elders: number; located: number; walk: number; ebike: number }

/** Coverage of a group of homes: how many are located and how many reach a site per mode. */
export function circleCoverage(
  homes: readonly { lat: number | null; lng: number | null }[],
  sites: readonly TLatLng[],
  minutes: number,
  model: TTravelModel = defaultTravelModel,
): TCircleCount {
  const out: TCircleCount = { elders: homes.length, located: 0, walk: 0, ebike: 0 }
  for (const h of homes) {
    if (h.lat === null || h.lng === null) continue
    out.located++
    const p = { lat: h.lat, lng: h.lng }
    if (nearestSiteSeconds(p, sites, 'walk', minutes * 60, model) !== null) out.walk++
    if (nearestSiteSeconds(p, sites, 'ebike', minutes * 60, model) !== null) out.ebike++
  }
  return out
}

/** A share as a percentage with one decimal; 0 when there is nothing to share. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)
