import { describe, expect, it } from 'vitest'
import { circleCoverage, circleRadiusMetres, nearestSiteSeconds, percentOf } from './service-circle.js'
import { demoCommunityCentre, demoHomeLocation, demoTownshipOutline, demoTownships } from './demo-geo.js'

describe('15-minute service circle', () => {
  const site = { lat: 38.9361, lng: 100.4668 }
  // 1 km due east: 1000 m × 1.3 = 1300 m → 1040 s on foot (4.5 km/h), 312 s by e-bike (15 km/h).
  const east1km = { lat: site.lat, lng: site.lng + 1000 / (111_195 * Math.cos((site.lat * Math.PI) / 180)) }

  it('radius: 15 min at 4.5 km/h over a 1.3 detour is 865 m straight; e-bike 2884 m', () => {
    expect(circleRadiusMetres('walk', 15)).toBe(865)
    expect(circleRadiusMetres('ebike', 15)).toBe(2884)
  })

  it('nearest site within the limit, by hand-computed seconds', () => {
    expect(nearestSiteSeconds(east1km, [site], 'walk', 900)).toBeNull()
    expect(nearestSiteSeconds(east1km, [site], 'walk', 1100)).toBeGreaterThanOrEqual(1039)
    expect(nearestSiteSeconds(east1km, [site], 'walk', 1100)).toBeLessThanOrEqual(1041)
    expect(nearestSiteSeconds(east1km, [site], 'ebike', 900)).toBeGreaterThanOrEqual(311)
    expect(nearestSiteSeconds(east1km, [], 'ebike', 900)).toBeNull()
  })

  it('coverage counts located homes apart from the rest', () => {
    const c = circleCoverage([site, east1km, { lat: null, lng: null }, { lat: 39.5, lng: 101 }], [site], 15)
    expect(c).toEqual({ elders: 4, located: 3, walk: 1, ebike: 2 })
    expect(percentOf(1, 3)).toBe(33.3)
    expect(percentOf(0, 0)).toBe(0)
  })
})

describe('demo geography', () => {
  it('every township has an outline and its communities and homes are near its centre', () => {
    for (const code of Object.keys(demoTownships)) {
      expect(demoTownshipOutline(code)).toHaveLength(8)
      const c = demoCommunityCentre(code.slice(0, 9) + '001')!
      const t = demoTownships[code]!
      expect(Math.abs(c.lat - t.centre.lat)).toBeLessThan(t.radius)
      const h = demoHomeLocation(code.slice(0, 9) + '001', 3)!
      expect(Math.abs(h.lat - t.centre.lat)).toBeLessThan(t.radius)
    }
    expect(demoHomeLocation('620702001001', 5)).toEqual(demoHomeLocation('620702001001', 5))
    expect(demoHomeLocation('110101001001', 0)).toBeNull()
  })
})
