import { describe, expect, it } from 'vitest'
import { availableActions, canTransition, nextStatus, terminalStatuses } from '../flow.js'
import { rolePermissions } from '../roles.js'
import { alarmFlow, alarmStatuses, elapsedLabel, medianAndP90, openAlarmStatuses, queueOrder } from './alarm-flow.js'

describe('alarm flow', () => {
  it('raised → acknowledged → contacting → dispatched → accepted → arrived → resolved → closed', () => {
    const path: [string, string][] = [
      ['claim', 'acknowledged'],
      ['callBack', 'contacting'],
      ['callBack', 'contacting'],
      ['dispatch', 'dispatched'],
      ['accept', 'accepted'],
      ['arrive', 'arrived'],
      ['finish', 'resolved'],
      ['close', 'closed'],
    ]
    let s: string = 'raised'
    for (const [action, to] of path) {
      const n = nextStatus(alarmFlow, action, s as never)
      expect(n, `${action} from ${s}`).toBe(to)
      s = n!
    }
  })

  it('a raised alarm can only be claimed: nobody closes or dispatches an alarm no operator holds', () => {
    expect(availableActions(alarmFlow, 'raised')).toEqual(['claim'])
    expect(canTransition(alarmFlow, 'claim', 'acknowledged')).toBe(false)
  })

  it('a false alarm closes straight after the claim, with no dispatch', () => {
    expect(nextStatus(alarmFlow, 'close', 'acknowledged')).toBe('closed')
  })

  it('closed is the only final status and is not in the queue', () => {
    expect(terminalStatuses(alarmFlow, alarmStatuses)).toEqual(['closed'])
    expect(openAlarmStatuses).not.toContain('closed')
  })

  it('operators handle, responders (community workers, caregivers) only accept, arrive and finish', () => {
    for (const action of ['claim', 'callBack', 'dispatch', 'close'] as const) {
      expect(rolePermissions.operator).toContain(alarmFlow[action].permission)
      expect(rolePermissions.caregiver).not.toContain(alarmFlow[action].permission)
    }
    for (const action of ['accept', 'arrive', 'finish'] as const) {
      expect(rolePermissions.community_worker).toContain(alarmFlow[action].permission)
      expect(rolePermissions.caregiver).toContain(alarmFlow[action].permission)
      expect(rolePermissions.operator).not.toContain(alarmFlow[action].permission)
    }
  })
})

describe('queue helpers', () => {
  it('oldest unhandled first, worked alarms after', () => {
    const items = [
      { id: 'c', status: 'acknowledged', receivedAt: '2026-01-01T00:00:00Z' },
      { id: 'b', status: 'raised', receivedAt: '2026-01-01T00:00:05Z' },
      { id: 'a', status: 'raised', receivedAt: '2026-01-01T00:00:01Z' },
    ]
    expect(queueOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })

  it('elapsed time as mm:ss and h:mm:ss', () => {
    const now = new Date('2026-01-01T01:00:05Z')
    expect(elapsedLabel('2026-01-01T00:59:00Z', now)).toBe('01:05')
    expect(elapsedLabel('2026-01-01T00:00:00Z', now)).toBe('1:00:05')
    expect(elapsedLabel('2026-01-01T02:00:00Z', now)).toBe('00:00')
  })

  it('median and p90 by nearest rank', () => {
    expect(medianAndP90([])).toEqual({ median: null, p90: null })
    expect(medianAndP90([5])).toEqual({ median: 5, p90: 5 })
    expect(medianAndP90([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ median: 5, p90: 9 })
  })
})
