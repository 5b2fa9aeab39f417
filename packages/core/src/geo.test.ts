import { describe, expect, it } from 'vitest'
import { distanceMetres, gcj02ToWgs84, travelSeconds, wgs84ToGcj02 } from './geo.js'

describe('geo', () => {
  it('haversine: one degree of latitude is about 111.2 km', () => {
    expect(distanceMetres({ lat: 38, lng: 100 }, { lat: 39, lng: 100 })).toBe(111195)
  })
  it('travel seconds: 1 km straight at walking speed with the 1.3 detour', () => {
    const a = { lat: 38.93, lng: 100.45 }
    const b = { lat: 38.93 + 1000 / 111195, lng: 100.45 }
    // 1000 m × 1.3 / (4.5 km/h) = 1040 s
    expect(travelSeconds(a, b, 'walk')).toBe(1040)
    expect(travelSeconds(a, b, 'ebike')).toBe(312)
  })
  it('GCJ-02: the offset in 张掖 is a few hundred metres and the inverse returns to WGS-84', () => {
    const w = { lat: 38.9326, lng: 100.4497 }
    const g = wgs84ToGcj02(w)
    const off = distanceMetres(w, g)
    expect(off).toBeGreaterThan(100)
    expect(off).toBeLessThan(1000)
    const back = gcj02ToWgs84(g)
    expect(distanceMetres(w, back)).toBe(0)
  })
  it('outside China nothing is offset', () => {
    expect(wgs84ToGcj02({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lng: -0.12 })
  })
})
