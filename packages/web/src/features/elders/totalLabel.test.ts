import { describe, expect, it } from 'vitest'
import { elderTotalLabel } from './api'

describe('elderTotalLabel', () => {
  it("shows an exact total as it is, an estimate as 约 N, and a bare 'more than 10,000' as 10000+", () => {
    expect(elderTotalLabel(4531, false)).toBe('共 4531 人')
    expect(elderTotalLabel(1_100_378, true)).toBe('约 1,100,378 人')
    expect(elderTotalLabel(10_001, true)).toBe('10000+ 人')
  })
})
