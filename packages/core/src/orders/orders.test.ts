import { describe, expect, it } from 'vitest'
import { certifiedRate, complaintRate, onTimeRate, satisfactionRate } from './kpi.js'
import { assignmentBlock, certificateState, hasValidCertificate } from './provider-flow.js'
import { distanceMetres } from '../geo.js'
import { spansOverlap, visitFlags } from './order-flow.js'
import { orderPriceFen, settlementPostings, splitPrice } from './settlement.js'
import { parseUscc, usccCheckChar } from './uscc.js'

describe('parseUscc (GB 32100-2015)', () => {
  // A published example code: 91350100M000100Y43.
  it('accepts a valid code and splits its parts', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({ ok: true, uscc: '91350100M000100Y43', authority: '9', orgType: '1', regionCode: '350100' })
  })
  it('trims, maps full-width to half-width and upper-cases', () => {
    expect(parseUscc('  ９１３５０１００ｍ０００１００ｙ４３　')).toMatchObject({ ok: true, uscc: '91350100M000100Y43' })
    expect(parseUscc('91350100m000100y43')).toMatchObject({ ok: true })
  })
  it('checks length first, then characters, then the checksum', () => {
    expect(parseUscc('')).toEqual({ ok: false, code: 'length' })
    expect(parseUscc('91350100M000100Y4')).toEqual({ ok: false, code: 'length' })
    expect(parseUscc('91350100M000100Y433')).toEqual({ ok: false, code: 'length' })
    // I, O, Z, S, V are not in the alphabet, even where the checksum would be wrong as well.
    for (const c of ['I', 'O', 'Z', 'S', 'V', '-', '中']) expect(parseUscc('91350100M000100' + c + '43')).toEqual({ ok: false, code: 'chars' })
    expect(parseUscc('91350100M000100Y44')).toEqual({ ok: false, code: 'checksum' })
  })
  it('computes check characters from weights 3^i mod 31, including 0 and Y', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    const first17 = '91620702MA7XXXXX1'.replace(/X/g, '0')
    const c = usccCheckChar(first17)
    expect(parseUscc(first17 + c)).toMatchObject({ ok: true, regionCode: '620702' })
  })
})

describe('pricing split in fen (hand-computed)', () => {
  it('prices the quantity in tenths, rounding half up once on the total', () => {
    expect(orderPriceFen(3000, 10)).toBe(3000) // 30.00 元 × 1
    expect(orderPriceFen(3500, 15)).toBe(5250) // 35.00 × 1.5 = 52.50
    expect(orderPriceFen(1999, 15)).toBe(2999) // 19.99 × 1.5 = 29.985 → 29.99
    expect(orderPriceFen(1, 5)).toBe(1) // 0.5 fen → 1
    expect(orderPriceFen(1, 4)).toBe(0)
    expect(() => orderPriceFen(1000, 0)).toThrow(RangeError)
    expect(() => orderPriceFen(10.5, 10)).toThrow(RangeError)
  })
  it('subsidy = min(price, remaining), the rest self-pay, summing to the price', () => {
    expect(splitPrice(5000, 60000)).toEqual({ priceFen: 5000, subsidyFen: 5000, selfPayFen: 0 })
    expect(splitPrice(5000, 5000)).toEqual({ priceFen: 5000, subsidyFen: 5000, selfPayFen: 0 })
    expect(splitPrice(5000, 4999)).toEqual({ priceFen: 5000, subsidyFen: 4999, selfPayFen: 1 })
    expect(splitPrice(5000, 0)).toEqual({ priceFen: 5000, subsidyFen: 0, selfPayFen: 5000 })
    expect(splitPrice(5000, -300)).toEqual({ priceFen: 5000, subsidyFen: 0, selfPayFen: 5000 })
    expect(splitPrice(0, 100)).toEqual({ priceFen: 0, subsidyFen: 0, selfPayFen: 0 })
    expect(() => splitPrice(99.5, 0)).toThrow(RangeError)
  })
  it('settlement postings balance', () => {
    const p = settlementPostings(splitPrice(2999, 1000))
    const debit = p.reduce((s, x) => s + x.debitFen, 0)
    const credit = p.reduce((s, x) => s + x.creditFen, 0)
    expect(debit).toBe(2999)
    expect(credit).toBe(debit)
  })
})

describe('caregiver rules', () => {
  const cert = { skill: 'cleaning', expiresOn: '2026-12-31' }
  it('持证上岗: a certificate of the skill valid on the service date (through the expiry day)', () => {
    expect(hasValidCertificate([cert], 'cleaning', '2026-12-31')).toBe(true)
    expect(hasValidCertificate([cert], 'cleaning', '2027-01-01')).toBe(false)
    expect(hasValidCertificate([cert], 'bath', '2026-06-01')).toBe(false)
  })
  it('no orders before a passed background check, then no orders without the certificate', () => {
    expect(assignmentBlock({ backgroundCheck: 'pending', certificates: [cert] }, 'cleaning', '2026-06-01')).toBe('background_check')
    expect(assignmentBlock({ backgroundCheck: 'failed', certificates: [cert] }, 'cleaning', '2026-06-01')).toBe('background_check')
    expect(assignmentBlock({ backgroundCheck: 'passed', certificates: [cert] }, 'bath', '2026-06-01')).toBe('certificate')
    expect(assignmentBlock({ backgroundCheck: 'passed', certificates: [cert] }, 'cleaning', '2026-06-01')).toBeNull()
  })
  it('expiry reminders 30 days ahead', () => {
    expect(certificateState('2026-11-29', '2026-11-30')).toBe('expired')
    expect(certificateState('2026-11-30', '2026-11-30')).toBe('expiring')
    expect(certificateState('2026-12-30', '2026-11-30')).toBe('expiring')
    expect(certificateState('2026-12-31', '2026-11-30')).toBe('valid')
  })
})

describe('visit evidence', () => {
  const home = { lat: 38.9255, lng: 100.4498 }
  it('measures distance in metres', () => {
    expect(distanceMetres(home, home)).toBe(0)
    const d = distanceMetres(home, { lat: 38.9345, lng: 100.4498 }) // 0.009° of latitude ≈ 1 km
    expect(d).toBeGreaterThan(990)
    expect(d).toBeLessThan(1010)
  })
  it('flags far, short and late visits, never blocks them', () => {
    const at = new Date('2026-12-01T01:00:00Z')
    const base = { checkInAt: at, windowStart: at, plannedMinutes: 60 }
    expect(visitFlags({ ...base, checkInDistanceM: 100, checkOutAt: new Date(at.getTime() + 60 * 60_000) })).toEqual([])
    expect(visitFlags({ ...base, checkInDistanceM: 501, checkOutAt: new Date(at.getTime() + 60 * 60_000) })).toEqual(['far_from_home'])
    expect(visitFlags({ ...base, checkInDistanceM: null, checkOutAt: new Date(at.getTime() + 29 * 60_000) })).toEqual(['too_short'])
    expect(
      visitFlags({ ...base, windowStart: new Date(at.getTime() - 31 * 60_000), checkInDistanceM: 0, checkOutAt: new Date(at.getTime() + 30 * 60_000) }),
    ).toEqual(['late'])
  })
})

describe('overlapping caregiver orders', () => {
  it('overlap when the planned spans intersect; touching ends do not', () => {
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 1, h, m))
    expect(spansOverlap({ start: at(1), minutes: 60 }, { start: at(1, 30), minutes: 60 })).toBe(true)
    expect(spansOverlap({ start: at(1), minutes: 60 }, { start: at(2), minutes: 60 })).toBe(false)
    expect(spansOverlap({ start: at(2), minutes: 30 }, { start: at(1), minutes: 180 })).toBe(true)
  })
})

describe('KPIs', () => {
  it('持证上岗率, 满意率, on-time and complaint rates; nothing to count is null', () => {
    expect(certifiedRate([{ certified: true }, { certified: false }])).toBe(0.5)
    expect(certifiedRate([])).toBeNull()
    expect(satisfactionRate([5, 4, 3, 5, 1])).toBe(0.6)
    expect(satisfactionRate([4, 4, 4, 4, 3])).toBe(0.8)
    expect(onTimeRate([{ late: false }, { late: true }, { late: false }, { late: false }])).toBe(0.75)
    expect(complaintRate(1, 50)).toBe(0.02)
    expect(complaintRate(0, 0)).toBeNull()
  })
})
