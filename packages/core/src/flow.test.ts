import { describe, expect, it } from 'vitest'
import { availableActions, canTransition, nextStatus, terminalStatuses } from './flow.js'
import {
  assessmentActionLabels,
  assessmentFlow,
  assessmentStatusLabels,
  assessmentStatuses,
  type TAssessmentAction,
  type TAssessmentStatus,
} from './assessment/workflow.js'

const allowed: Record<TAssessmentAction, TAssessmentStatus[]> = {
  start: ['scheduled'],
  submit: ['in_progress', 'returned'],
  return: ['submitted'],
  approve: ['submitted'],
  activate: ['reviewed'],
  object: ['reviewed', 'effective'],
  dismiss: ['disputed'],
  supersede: ['effective', 'disputed'],
  cancel: ['scheduled', 'in_progress', 'returned'],
}

describe('assessment workflow', () => {
  it('walks the happy path scheduled → in_progress → submitted → reviewed → effective → superseded', () => {
    let s: TAssessmentStatus = 'scheduled'
    for (const a of ['start', 'submit', 'approve', 'activate', 'supersede'] as const) {
      const n = nextStatus(assessmentFlow, a, s)
      expect(n).not.toBeNull()
      s = n!
    }
    expect(s).toBe('superseded')
  })
  it('returns a submission and lets it be resubmitted', () => {
    expect(nextStatus(assessmentFlow, 'return', 'submitted')).toBe('returned')
    expect(nextStatus(assessmentFlow, 'submit', 'returned')).toBe('submitted')
  })
  it('opens a dispute on an objection and lets it be dismissed or superseded', () => {
    expect(nextStatus(assessmentFlow, 'object', 'effective')).toBe('disputed')
    expect(nextStatus(assessmentFlow, 'dismiss', 'disputed')).toBe('effective')
    expect(nextStatus(assessmentFlow, 'supersede', 'disputed')).toBe('superseded')
  })
  it.each((Object.keys(allowed) as TAssessmentAction[]).flatMap((a) => assessmentStatuses.filter((s) => !allowed[a].includes(s)).map((s) => [a, s] as const)))(
    'refuses %s from %s',
    (action, from) => {
      expect(canTransition(assessmentFlow, action, from)).toBe(false)
      expect(nextStatus(assessmentFlow, action, from)).toBeNull()
    },
  )
  it('refuses unknown actions, including inherited object keys', () => {
    expect(canTransition(assessmentFlow, 'approve_all', 'submitted')).toBe(false)
    expect(canTransition(assessmentFlow, 'toString', 'submitted')).toBe(false)
  })
  it('lists the buttons to show per status', () => {
    expect(availableActions(assessmentFlow, 'submitted')).toEqual(['return', 'approve'])
    expect(availableActions(assessmentFlow, 'superseded')).toEqual([])
  })
  it('has superseded and cancelled as its only final statuses', () => {
    expect(terminalStatuses(assessmentFlow, assessmentStatuses)).toEqual(['superseded', 'cancelled'])
  })
  it('labels every status and action in Chinese', () => {
    for (const s of assessmentStatuses) expect(assessmentStatusLabels[s]).toMatch(/[\u4e00-\u9fff]/)
    for (const a of Object.keys(assessmentFlow) as TAssessmentAction[]) expect(assessmentActionLabels[a]).toMatch(/[\u4e00-\u9fff]/)
  })
})
