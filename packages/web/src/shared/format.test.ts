import { describe, expect, it } from 'vitest'
import { dayjs, formatDate, formatDateTime, formatTime, greeting, shortId } from './format'

describe('display formatting', () => {
  it('shows instants in Beijing time', () => {
    expect(formatDateTime('2026-01-31T16:30:00Z')).toBe('2026-02-01 00:30')
    expect(formatDateTime('2026-01-31T16:30:05Z', true)).toBe('2026-02-01 00:30:05')
    expect(formatDate('2026-01-31T16:30:00Z')).toBe('2026-02-01')
  })

  it('gives the Beijing date of an assessment done at 02:19 on 1 December (18:19 UTC the day before)', () => {
    expect(formatDate('2026-11-30T18:19:00Z')).toBe('2026-12-01')
    expect(formatDate('2026-11-30T18:19:00.000+00:00')).toBe('2026-12-01')
    expect(formatDate(new Date('2026-11-30T18:19:00Z'))).toBe('2026-12-01')
    expect(formatDateTime('2026-11-30T18:19:00Z')).toBe('2026-12-01 02:19')
    expect(formatTime('2026-11-30T18:19:07Z')).toBe('02:19:07')
  })

  it("shows a date-only value as it is, whatever the browser's zone", () => {
    expect(formatDate('2026-12-01')).toBe('2026-12-01')
    expect(formatDate('1952-02-29')).toBe('1952-02-29')
  })

  it('uses a dash for missing values and keeps unparsable text', () => {
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  it('greets by the hour', () => {
    expect(greeting(dayjs('2026-01-01T08:00:00'))).toBe('早上好')
    expect(greeting(dayjs('2026-01-01T15:00:00'))).toBe('下午好')
  })

  it('shortens long ids only', () => {
    expect(shortId('a8a40447-3a8d-41da-8acd-e86accc356c4')).toBe('a8a40447…')
    expect(shortId('system')).toBe('system')
  })
})
