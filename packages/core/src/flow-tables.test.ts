import { describe, expect, it } from 'vitest'
import { assessmentFlow, assessmentStatuses, assessmentStatusLabels } from './assessment/workflow.js'
import { elderStatuses, elderStatusLabels } from './categories.js'
import { elderStatusFlow, elderStatusStep } from './elder-status.js'
import { availableActions, terminalStatuses, type Flow } from './flow.js'
import { permissions, roles, rolePermissions } from './roles.js'
import { worklistItemStatusLabels } from './labels.js'
import { worklistItemFlow, worklistItemStatuses } from './worklist-flow.js'
import {
  visitPeriodFlow,
  visitPeriodStatuses,
  visitPeriodStatusLabels,
  visitPlanFlow,
  visitPlanStatuses,
  visitPlanStatusLabels,
  visitTaskFlow,
  visitTaskStatuses,
  visitTaskStatusLabels,
} from './visits.js'
import {
  disbursementBatchFlow,
  disbursementBatchStatuses,
  disbursementBatchStatusLabels,
  fundAnomalyFlow,
  fundAnomalyStatuses,
  fundAnomalyStatusLabels,
} from './disbursement-flow.js'

const flows: [string, Flow, readonly string[], Record<string, string>][] = [
  ['assessment', assessmentFlow, assessmentStatuses, assessmentStatusLabels],
  ['elder status', elderStatusFlow, elderStatuses, elderStatusLabels],
  ['worklist item', worklistItemFlow, worklistItemStatuses, worklistItemStatusLabels],
  ['visit plan', visitPlanFlow, visitPlanStatuses, visitPlanStatusLabels],
  ['visit period', visitPeriodFlow, visitPeriodStatuses, visitPeriodStatusLabels],
  ['visit task', visitTaskFlow, visitTaskStatuses, visitTaskStatusLabels],
  ['disbursement batch', disbursementBatchFlow, disbursementBatchStatuses, disbursementBatchStatusLabels],
  ['fund anomaly', fundAnomalyFlow, fundAnomalyStatuses, fundAnomalyStatusLabels],
]

describe('workflow tables', () => {
  for (const [name, flow, statuses, labels] of flows) {
    it(`${name}: every step starts and ends in a declared status with a Chinese label`, () => {
      for (const step of Object.values(flow)) {
        for (const s of [...step.from, step.to]) {
          expect(statuses).toContain(s)
          expect(labels[s]).toMatch(/[\u4e00-\u9fff]/)
        }
      }
    })

    it(`${name}: every step needs a permission that some role holds`, () => {
      for (const [action, step] of Object.entries(flow)) {
        expect(permissions, action).toContain(step.permission)
        expect(
          roles.some((r) => rolePermissions[r].includes(step.permission)),
          action,
        ).toBe(true)
      }
    })

    it(`${name}: every status is reachable or initial`, () => {
      const targets = new Set(Object.values(flow).map((s) => s.to))
      const initial = statuses.filter((s) => !targets.has(s))
      // Worklist items also enter 'resolved' by the nightly refresh, outside the table.
      expect(initial.length).toBeLessThanOrEqual(name === 'worklist item' ? 2 : 1)
    })
  }

  it('assessment: final statuses are the ones no step leaves', () => {
    expect(terminalStatuses(assessmentFlow, assessmentStatuses).sort()).toEqual(['cancelled', 'superseded'])
    expect(availableActions(assessmentFlow, 'submitted')).toEqual(['return', 'approve'])
  })

  it('visit period: a missed period escalates visitor → community → street, a visited one is final', () => {
    expect(availableActions(visitPeriodFlow, 'open')).toEqual(['visit', 'miss'])
    expect(availableActions(visitPeriodFlow, 'missed')).toEqual(['escalateCommunity'])
    expect(availableActions(visitPeriodFlow, 'escalated_community')).toEqual(['escalateStreet'])
    expect(terminalStatuses(visitPeriodFlow, visitPeriodStatuses).sort()).toEqual(['escalated_street', 'visited'])
    expect(terminalStatuses(visitTaskFlow, visitTaskStatuses).sort()).toEqual(['cancelled', 'done'])
  })

  it('visits: a volunteer may read and record visits and nothing of the registry', () => {
    expect([...rolePermissions.volunteer].sort()).toEqual(['visit:read', 'visit:record'])
  })

  it('elder status: each status has exactly one step leading to it', () => {
    for (const s of elderStatuses) expect(elderStatusFlow[elderStatusStep[s]].to).toBe(s)
  })

  it('roles: sys_admin holds every permission, caregivers hold none of the registry', () => {
    expect([...rolePermissions.sys_admin].sort()).toEqual([...permissions].sort())
    expect(rolePermissions.caregiver.filter((p) => p.startsWith('elder:'))).toEqual([])
  })
})
