import { describe, expect, it } from 'vitest'
import { availableActions } from '../flow.js'
import {
  applicationFlow,
  applicationPath,
  applicationStatuses,
  canTakeStep,
  nextMonth,
  stepDeadlineKey,
  type TApplicationAction,
  type TApplicationStatus,
} from './application-flow.js'

const full = { needsAssessment: true, homeVerification: true, notice: { enabled: true, days: 7 } }
const gaoling = { needsAssessment: false, homeVerification: true, notice: { enabled: true, days: 7 } }
const xiaofei = { needsAssessment: true, homeVerification: false, notice: { enabled: false, days: 7 } }

describe('application flow', () => {
  it('the full path runs through every step of domain.md §6', () => {
    expect(applicationPath(full)).toEqual([
      'draft',
      'submitted',
      'accepted',
      'verified',
      'assessed',
      'street_reviewed',
      'notice_open',
      'notice_closed',
      'approved',
      'active',
    ])
  })

  it('a programme without assessment goes from verified to street review', () => {
    expect(canTakeStep(gaoling, 'streetReview', 'verified')).toBe(true)
    expect(canTakeStep(gaoling, 'assess', 'verified')).toBe(false)
    expect(canTakeStep(full, 'streetReview', 'verified')).toBe(false)
    expect(canTakeStep(full, 'streetReview', 'assessed')).toBe(true)
  })

  it('a programme without 公示 goes from street review to approval; with 公示 it may not', () => {
    expect(canTakeStep(xiaofei, 'approve', 'street_reviewed')).toBe(true)
    expect(canTakeStep(xiaofei, 'openNotice', 'street_reviewed')).toBe(false)
    expect(canTakeStep(full, 'approve', 'street_reviewed')).toBe(false)
    expect(canTakeStep(full, 'approve', 'notice_closed')).toBe(true)
  })

  it('a programme without home verification is assessed straight after acceptance', () => {
    expect(canTakeStep(xiaofei, 'assess', 'accepted')).toBe(true)
    expect(canTakeStep(xiaofei, 'verify', 'accepted')).toBe(false)
  })

  it('every disallowed transition is refused, for every status and action', () => {
    const allowed: Record<string, TApplicationAction[]> = {}
    for (const s of applicationStatuses) allowed[s] = availableActions(applicationFlow, s)
    for (const s of applicationStatuses) {
      for (const a of Object.keys(applicationFlow) as TApplicationAction[]) {
        const inTable = (applicationFlow[a].from as readonly TApplicationStatus[]).includes(s)
        expect(allowed[s]!.includes(a)).toBe(inTable)
        if (!inTable) expect(canTakeStep(full, a, s), `${a} from ${s}`).toBe(false)
      }
    }
    expect(availableActions(applicationFlow, 'rejected')).toEqual([])
    // Only the system's undo when the registry reactivates the elder (a stop recorded by mistake).
    expect(availableActions(applicationFlow, 'stopped')).toEqual(['resume'])
    expect(availableActions(applicationFlow, 'objection_review')).toEqual(['upholdObjection', 'dismissObjection'])
  })

  it('names the deadline of the step that leaves a status', () => {
    expect(stepDeadlineKey(full, 'submitted')).toBe('accept')
    expect(stepDeadlineKey(full, 'accepted')).toBe('verify')
    expect(stepDeadlineKey(full, 'verified')).toBe('assess')
    expect(stepDeadlineKey(gaoling, 'verified')).toBe('street_review')
    expect(stepDeadlineKey(xiaofei, 'accepted')).toBe('assess')
    expect(stepDeadlineKey(full, 'notice_closed')).toBe('approve')
    expect(stepDeadlineKey(xiaofei, 'street_reviewed')).toBe('approve')
    expect(stepDeadlineKey(full, 'notice_open')).toBeNull()
    expect(stepDeadlineKey(full, 'draft')).toBeNull()
  })

  it('counts months across the year end', () => {
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(nextMonth('2026-01')).toBe('2026-02')
  })
})
