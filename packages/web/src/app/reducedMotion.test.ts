import { describe, expect, it } from 'vitest'
import { withReducedMotion } from './reducedMotion'
import { elderTheme, normalTheme } from './theme'

describe('less motion', () => {
  it('turns antd motion off in both themes and keeps every other token', () => {
    for (const theme of [normalTheme, elderTheme]) {
      const reduced = withReducedMotion(theme, true)
      expect(reduced.token?.motion).toBe(false)
      expect({ ...reduced.token, motion: undefined }).toEqual({ ...theme.token, motion: undefined })
      expect(reduced.components).toBe(theme.components)
    }
  })

  it('leaves the theme as it is when nobody asked', () => {
    expect(withReducedMotion(normalTheme, false)).toBe(normalTheme)
  })
})
