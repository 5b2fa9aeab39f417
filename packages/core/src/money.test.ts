import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fenToYuanString, formatFen, mulDivFen, percentOfFen, subtractFen, sumFen, yuanToFen } from './money.js'

describe('money in fen', () => {
  it('formats fen as yuan with the ¥ sign', () => {
    expect(formatFen(12345)).toBe('¥123.45')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(123450)).toBe('¥1,234.50')
    expect(formatFen(-100)).toBe('-¥1.00')
  })
  it('rejects non-integer fen', () => {
    expect(() => formatFen(1.5)).toThrow()
    expect(() => sumFen([1, Number.NaN])).toThrow()
  })
  it('adds and subtracts exactly', () => {
    expect(sumFen([10, 20, 1])).toBe(31)
    expect(subtractFen(100, 250)).toBe(-150)
  })
  it('takes a percentage rounding half up to whole fen', () => {
    expect(percentOfFen(1999, 70)).toBe(1399) // 1399.3
    expect(percentOfFen(5, 50)).toBe(3) // 2.5 → 3
    expect(mulDivFen(-5, 1, 2)).toBe(-3)
    expect(mulDivFen(100, 1, 3)).toBe(33)
  })
  it('parses yuan text exactly and refuses more than two decimals', () => {
    expect(yuanToFen('123.45')).toBe(12345)
    expect(yuanToFen('¥1,234.5')).toBe(123450)
    expect(yuanToFen(0.1)).toBe(10)
    expect(yuanToFen('-2')).toBe(-200)
    expect(() => yuanToFen('1.234')).toThrow()
    expect(() => yuanToFen('abc')).toThrow()
  })
  it('property: yuanToFen(fenToYuanString(x)) round-trips', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => yuanToFen(fenToYuanString(fen)) === fen))
  })
})
