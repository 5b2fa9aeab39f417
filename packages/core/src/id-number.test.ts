import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { idCheckChar, makeIdNumber, parseIdNumber, isValidIdNumber } from './id-number.js'

const TODAY = '2026-11-23'

describe('parseIdNumber', () => {
  it('accepts the standard example 11010519491231002X: born 1949-12-31, female', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      addressCode: '110105',
    })
  })

  it('accepts the standard example 440524188001010014: born 1880-01-01, male (no lower year bound)', () => {
    expect(parseIdNumber('440524188001010014', TODAY)).toEqual({
      ok: true,
      id: '440524188001010014',
      birthDate: '1880-01-01',
      sex: 'male',
      addressCode: '440524',
    })
  })

  it('rejects 430102199001011234 with code checksum', () => {
    const r = parseIdNumber('430102199001011234', TODAY)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.code).toBe('checksum')
      expect(r.message).toMatch(/校验码/)
    }
  })

  it('accepts a lowercase x and stores it uppercase', () => {
    const r = parseIdNumber('11010519491231002x', TODAY)
    expect(r.ok && r.id).toBe('11010519491231002X')
  })

  it('accepts full-width digits and letters and normalises them', () => {
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({ ok: true, id: '11010519491231002X' })
    expect(parseIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true, id: '11010519491231002X' })
  })

  it('trims surrounding spaces, tabs and the full-width space', () => {
    expect(parseIdNumber('  11010519491231002X\t', TODAY)).toMatchObject({ ok: true })
    expect(parseIdNumber('\u300011010519491231002X\u3000', TODAY)).toMatchObject({ ok: true })
  })

  it('rejects wrong lengths with code length', () => {
    for (const s of ['', '1101051949123100', '11010519491231002X1', '12345']) {
      expect(parseIdNumber(s, TODAY)).toMatchObject({ ok: false, code: 'length' })
    }
  })

  it('rejects letters other than a final X with code chars', () => {
    expect(parseIdNumber('11010519491231002A', TODAY)).toMatchObject({ ok: false, code: 'chars' })
    expect(parseIdNumber('1101051949123100X2', TODAY)).toMatchObject({ ok: false, code: 'chars' })
    // Spaces between digit groups are separators (issue 24): 17 digits are then too few.
    expect(parseIdNumber('1101 0519491231002', TODAY)).toMatchObject({ ok: false, code: 'length' })
    expect(parseIdNumber('1101_0519491231002', TODAY)).toMatchObject({ ok: false, code: 'chars' })
    expect(parseIdNumber('11010549123100X', TODAY)).toMatchObject({ ok: false, code: 'chars' })
  })

  it('rejects impossible calendar dates with code date', () => {
    const first = (d: string) => {
      const base = `110105${d}002`
      return base + idCheckChar(base)
    }
    for (const d of ['19490230', '19491301', '19490000', '19000229', '20230229']) {
      expect(parseIdNumber(first(d), TODAY)).toMatchObject({ ok: false, code: 'date' })
    }
    expect(parseIdNumber(first('20000229'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' })
  })

  it('rejects a birth date after today and accepts one born today', () => {
    const tomorrow = makeIdNumber('110105', '2026-11-24', 1)
    const todayBorn = makeIdNumber('110105', '2026-11-23', 1)
    expect(parseIdNumber(tomorrow, TODAY)).toMatchObject({ ok: false, code: 'date' })
    expect(parseIdNumber(todayBorn, TODAY)).toMatchObject({ ok: true })
    expect(parseIdNumber(tomorrow, new Date('2026-11-23T16:30:00Z'))).toMatchObject({ ok: true }) // 00:30 on the 24th in Shanghai
  })

  it('defaults today to the current Shanghai date', () => {
    expect(parseIdNumber('11010519491231002X')).toMatchObject({ ok: true })
    expect(parseIdNumber(makeIdNumber('110105', '2999-01-01', 1))).toMatchObject({ ok: false, code: 'date' })
  })

  it('upgrades a legacy 15-digit number: 19 + YY and a computed check character', () => {
    // 110105491231002 is the 15-digit form of the standard example.
    expect(parseIdNumber('110105491231002', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      addressCode: '110105',
    })
    expect(parseIdNumber('440524800101001', TODAY)).toMatchObject({ ok: true, id: '440524198001010013', sex: 'male' })
    expect(parseIdNumber('110105490231002', TODAY)).toMatchObject({ ok: false, code: 'date' })
  })
})

describe('idCheckChar', () => {
  it('computes X for S mod 11 = 2 and 4 for S mod 11 = 8 (the standard examples)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(idCheckChar('44052418800101001')).toBe('4')
  })
  it('throws for input that is not 17 digits', () => {
    expect(() => idCheckChar('1234')).toThrow()
  })
})

const idArb = fc
  .record({
    address: fc.integer({ min: 110000, max: 659999 }),
    date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ address, date, seq }) => makeIdNumber(String(address), date.toISOString().slice(0, 10), seq))

describe('makeIdNumber', () => {
  it('produces numbers that parseIdNumber accepts, with the given birth date and the sex of the sequence', () => {
    const id = makeIdNumber('620702', '1940-05-06', 123)
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: true, id, birthDate: '1940-05-06', sex: 'male', addressCode: '620702' })
    expect(parseIdNumber(makeIdNumber('620702', '1940-05-06', 124), TODAY)).toMatchObject({ sex: 'female' })
  })

  it('rejects a bad address code, date or sequence', () => {
    expect(() => makeIdNumber('6207', '1940-05-06', 1)).toThrow()
    expect(() => makeIdNumber('620702', '1940-02-30', 1)).toThrow()
    expect(() => makeIdNumber('620702', '1940-05-06', 1000)).toThrow()
  })

  it('property: parseIdNumber accepts every makeIdNumber output', () => {
    fc.assert(fc.property(idArb, (id) => isValidIdNumber(id, TODAY)))
  })

  it('property: changing any single character of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789'
        const current = alphabet.indexOf(id[pos])
        if (pos < 17 && delta === 10) return true // only 10 digits in the body
        const replacement = alphabet[(current + delta) % alphabet.length]
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1)
        return changed !== id && !isValidIdNumber(changed, TODAY)
      }),
    )
  })
})
