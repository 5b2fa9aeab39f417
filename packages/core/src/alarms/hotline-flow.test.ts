import { describe, expect, it } from 'vitest'
import { isWeekday } from '../benefits/working-days.js'
import { hotlineDeadline } from './hotline-flow.js'

/** Working days Monday–Friday, with 2026-10-01…08 off (国庆), as the platform calendar would say. */
const cal = (d: string) => isWeekday(d) && !(d >= '2026-10-01' && d <= '2026-10-08')

describe('hotline deadlines', () => {
  it('working days count from the day of the call in Asia/Shanghai and end at 24:00 of the last one', () => {
    // Tuesday 2026-09-29 10:00 Beijing time: 咨询 1 working day → end of Wednesday 09-30.
    const tue = new Date('2026-09-29T02:00:00Z')
    expect(hotlineDeadline('consult', tue, cal).toISOString()).toBe('2026-09-30T16:00:00.000Z')
    // 投诉 5 working days across the holiday: 09-30, 10-09, 10-12, 10-13, 10-14 → end of 10-14.
    expect(hotlineDeadline('complaint', tue, cal).toISOString()).toBe('2026-10-14T16:00:00.000Z')
    // 服务预约 2 working days from Friday 2026-09-25 23:30 Beijing (15:30Z): Monday, Tuesday.
    expect(hotlineDeadline('booking', new Date('2026-09-25T15:30:00Z'), cal).toISOString()).toBe('2026-09-29T16:00:00.000Z')
    // 23:30 Beijing on 09-28 is still Monday there although UTC says the same day: 1 working day → Tuesday.
    expect(hotlineDeadline('consult', new Date('2026-09-28T15:30:00Z'), cal).toISOString()).toBe('2026-09-29T16:00:00.000Z')
  })
  it('hours for 求助 and 紧急, regardless of the calendar', () => {
    const at = new Date('2026-10-03T04:00:00Z')
    expect(hotlineDeadline('help', at, cal).toISOString()).toBe('2026-10-04T04:00:00.000Z')
    expect(hotlineDeadline('emergency', at, cal).toISOString()).toBe('2026-10-03T05:00:00.000Z')
  })
})
