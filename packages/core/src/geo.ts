/**
 * Places and travel times (issue 20 item 1). Coordinates are WGS-84 everywhere in the platform;
 * GCJ-02 (the offset datum Chinese map tiles such as 高德/腾讯 use) is only a conversion for display.
 * Travel time without a routing engine: great-circle distance × a detour factor at a speed per mode.
 */
export type TLatLng = { lat: number; lng: number }

/** Great-circle distance in whole metres (haversine, mean Earth radius). */
export function distanceMetres(a: TLatLng, b: TLatLng): number {
  const R = 6_371_000
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * R * Math.asin(Math.min(1, Math.sqrt(h))))
}

export const travelModes = ['walk', 'ebike', 'car'] as const
export type TTravelMode = (typeof travelModes)[number]
export const travelModeLabels = { walk: '步行', ebike: '电动自行车', car: '汽车' } as const satisfies Record<TTravelMode, string>

/**
 * Default speeds in km/h and the detour factor (street distance / straight line). 4.5 km/h is a
 * slow adult walk, fitting older volunteers and carers with bags; 15 km/h an e-bike in town
 * traffic (GB 17761 caps them at 25); 25 km/h a car in a county town with stops. 1.3 is the
 * usual urban detour ratio for grid-like streets [DESIGN: tune per district in configuration].
 */
export const defaultTravelModel = {
  speedsKmh: { walk: 4.5, ebike: 15, car: 25 } as Record<TTravelMode, number>,
  detour: 1.3,
}
export type TTravelModel = typeof defaultTravelModel

/** Travel seconds between two places by a mode, rounded up to whole seconds. */
export function travelSeconds(a: TLatLng, b: TLatLng, mode: TTravelMode, model: TTravelModel = defaultTravelModel): number {
  const metres = distanceMetres(a, b) * model.detour
  return Math.ceil(metres / ((model.speedsKmh[mode] * 1000) / 3600))
}

// GCJ-02 (国测局坐标) conversion: the public formula (Krasovsky ellipsoid); outside China the
// datum is not offset. The inverse is iterative and accurate to well under a metre.
const A = 6378245.0
const EE = 0.006693421622965943
const outOfChina = (p: TLatLng) => p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271
function tLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}
function tLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

export function wgs84ToGcj02(p: TLatLng): TLatLng {
  if (outOfChina(p)) return { ...p }
  let dLat = tLat(p.lng - 105, p.lat - 35)
  let dLng = tLng(p.lng - 105, p.lat - 35)
  const radLat = (p.lat / 180) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: p.lat + dLat, lng: p.lng + dLng }
}

export function gcj02ToWgs84(p: TLatLng): TLatLng {
  if (outOfChina(p)) return { ...p }
  let guess = { ...p }
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(guess)
    const dLat = g.lat - p.lat
    const dLng = g.lng - p.lng
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng }
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break
  }
  return guess
}
