/**
 * Demo geography of 甘州区 (张掖) for the seed and the offline map (issue 20 item 1): a centre and
 * a rough outline per street/township, community centres inside them, and the district outline.
 * Shapes are simplified on purpose (an irregular octagon around each centre): enough to place
 * demo elders plausibly and draw an outline without map tiles. Real outlines are not in the data.
 */
import type { TLatLng } from './geo.js'

/** Street/township centres and half-sizes in degrees of latitude (≈ 111 km per degree). */
export const demoTownships: Record<string, { centre: TLatLng; radius: number }> = {
  '620702001000': { centre: { lat: 38.9335, lng: 100.464 }, radius: 0.009 }, // 东街街道
  '620702002000': { centre: { lat: 38.919, lng: 100.45 }, radius: 0.008 }, // 南街街道
  '620702003000': { centre: { lat: 38.932, lng: 100.433 }, radius: 0.009 }, // 西街街道
  '620702004000': { centre: { lat: 38.947, lng: 100.45 }, radius: 0.008 }, // 北街街道
  '620702005000': { centre: { lat: 38.956, lng: 100.476 }, radius: 0.009 }, // 火车站街道
  '620702100000': { centre: { lat: 38.97, lng: 100.515 }, radius: 0.03 }, // 梁家墩镇
  '620702101000': { centre: { lat: 38.91, lng: 100.55 }, radius: 0.035 }, // 上秦镇
  '620702102000': { centre: { lat: 38.85, lng: 100.43 }, radius: 0.04 }, // 大满镇
  '620702103000': { centre: { lat: 39.0, lng: 100.37 }, radius: 0.04 }, // 沙井镇
  '620702104000': { centre: { lat: 39.06, lng: 100.46 }, radius: 0.04 }, // 乌江镇
  '620702106000': { centre: { lat: 38.93, lng: 100.36 }, radius: 0.03 }, // 新墩镇
  '620702200000': { centre: { lat: 38.78, lng: 100.41 }, radius: 0.045 }, // 龙渠乡
}

const cosLat = (lat: number) => Math.cos((lat * Math.PI) / 180)

/** An irregular octagon around a centre; `radius` in degrees of latitude, longitude scaled. */
function octagon(c: TLatLng, radius: number, seed: number): TLatLng[] {
  const out: TLatLng[] = []
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4 + Math.PI / 8
    const r = radius * (0.9 + 0.15 * Math.abs(Math.sin(seed * 7.13 + i * 2.71)))
    out.push({ lat: round6(c.lat + r * Math.sin(a)), lng: round6(c.lng + (r * Math.cos(a)) / cosLat(c.lat)) })
  }
  return out
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/** The outline of a demo street/township, or null for a code without demo geography. */
export function demoTownshipOutline(code: string): TLatLng[] | null {
  const t = demoTownships[code]
  return t ? octagon(t.centre, t.radius, Number(code.slice(6, 9))) : null
}

/** The district outline: an octagon around every township. */
export function demoDistrictOutline(): TLatLng[] {
  return octagon({ lat: 38.93, lng: 100.45 }, 0.2, 1)
}

/**
 * The centre of a demo community (village code): the township's centre shifted by a third of its
 * size in one of three directions, by the community's place among its siblings.
 */
export function demoCommunityCentre(villageCode: string): TLatLng | null {
  const t = demoTownships[villageCode.slice(0, 9) + '000']
  if (!t) return null
  const n = Number(villageCode.slice(9))
  const k = (n >= 200 ? n - 200 : n - 1) + (n >= 200 ? 1 : 0)
  const a = (k * 2 * Math.PI) / 3 + 0.5
  const r = t.radius * 0.45
  return { lat: round6(t.centre.lat + r * Math.sin(a)), lng: round6(t.centre.lng + (r * Math.cos(a)) / cosLat(t.centre.lat)) }
}

/** Half-size in degrees of latitude of the area a community's homes spread over. */
export function demoCommunitySpread(villageCode: string): number {
  const t = demoTownships[villageCode.slice(0, 9) + '000']
  return t ? t.radius * 0.25 : 0
}

/**
 * A plausible home for the i-th demo elder of a community: deterministic (a hash of code and
 * index), inside the community's spread, rounded to 6 decimals (≈ 0.1 m).
 */
export function demoHomeLocation(villageCode: string, i: number): TLatLng | null {
  const c = demoCommunityCentre(villageCode)
  if (!c) return null
  const s = demoCommunitySpread(villageCode)
  const u = frac(Math.sin((Number(villageCode.slice(6)) + 1) * 12.9898 + i * 78.233) * 43758.5453)
  const v = frac(Math.sin((Number(villageCode.slice(6)) + 7) * 39.3468 + i * 11.135) * 24634.6345)
  return { lat: round6(c.lat + (u * 2 - 1) * s), lng: round6(c.lng + ((v * 2 - 1) * s) / cosLat(c.lat)) }
}
const frac = (x: number) => x - Math.floor(x)
