import { describe, expect, it } from 'vitest'
import { assessmentFlow, assessmentStatuses, assessmentStatusLabels } from './assessment/workflow.js'
import { elderStatuses, elderStatusLabels } from './categories.js'
import { elderStatusFlow, elderStatusStep } from './elder-status.js'
import { availableActions, terminalStatuses, type Flow } from './flow.js'
import { permissions, roles, rolePermissions } from './roles.js'
import { worklistItemStatusLabels } from './labels.js'
import { worklistItemFlow, worklistItemStatuses } from './worklist-flow.js'
import { canTransition } from './flow.js'
import { orderFlow, orderStatuses, orderStatusLabels, type TOrderStatus } from './orders/order-flow.js'
import { orderFlagFlow, orderFlagStatuses, orderFlagStatusLabels } from './orders/order-flow.js'
import { providerFlow, providerStatuses, providerStatusLabels } from './orders/provider-flow.js'
import { catalogEditionFlow, catalogEditionStatuses, catalogEditionStatusLabels } from './catalog.js'
import { applicationFlow, applicationStatuses, applicationStatusLabels } from './benefits/application-flow.js'
import { alarmFlow, alarmStatuses, alarmStatusLabels } from './alarms/alarm-flow.js'
import { hotlineFlow, hotlineStatuses, hotlineStatusLabels } from './alarms/hotline-flow.js'
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
import { dispatchPlanFlow, dispatchPlanStatuses, dispatchPlanStatusLabels } from './dispatch/dispatch.js'
import { complaintFlow, complaintStatuses, complaintStatusLabels } from './orders/complaint-flow.js'
import { starRatingFlow, starRatingStatuses, starRatingStatusLabels } from './orders/star-rating.js'

const flows: [string, Flow, readonly string[], Record<string, string>][] = [
  ['assessment', assessmentFlow, assessmentStatuses, assessmentStatusLabels],
  ['elder status', elderStatusFlow, elderStatuses, elderStatusLabels],
  ['worklist item', worklistItemFlow, worklistItemStatuses, worklistItemStatusLabels],
  ['provider', providerFlow, providerStatuses, providerStatusLabels],
  ['order', orderFlow, orderStatuses, orderStatusLabels],
  ['catalog edition', catalogEditionFlow, catalogEditionStatuses, catalogEditionStatusLabels],
  ['benefit application', applicationFlow, applicationStatuses, applicationStatusLabels],
  ['alarm', alarmFlow, alarmStatuses, alarmStatusLabels],
  ['visit plan', visitPlanFlow, visitPlanStatuses, visitPlanStatusLabels],
  ['visit period', visitPeriodFlow, visitPeriodStatuses, visitPeriodStatusLabels],
  ['visit task', visitTaskFlow, visitTaskStatuses, visitTaskStatusLabels],
  ['disbursement batch', disbursementBatchFlow, disbursementBatchStatuses, disbursementBatchStatusLabels],
  ['fund anomaly', fundAnomalyFlow, fundAnomalyStatuses, fundAnomalyStatusLabels],
  ['dispatch plan', dispatchPlanFlow, dispatchPlanStatuses, dispatchPlanStatusLabels],
  ['complaint', complaintFlow, complaintStatuses, complaintStatusLabels],
  ['star rating', starRatingFlow, starRatingStatuses, starRatingStatusLabels],
  ['order flag', orderFlagFlow, orderFlagStatuses, orderFlagStatusLabels],
  ['hotline work order', hotlineFlow, hotlineStatuses, hotlineStatusLabels],
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

  it('provider: registration is reviewed before it can serve; exit is final', () => {
    expect(availableActions(providerFlow, 'pending')).toEqual(['approve', 'return', 'reject'])
    expect(terminalStatuses(providerFlow, providerStatuses).sort()).toEqual(['closed', 'rejected'])
  })

  it('order: the happy path runs request → settlement, and settled, cancelled, no_show are final', () => {
    const path: [string, TOrderStatus][] = [
      ['price', 'priced'],
      ['accept', 'accepted'],
      ['assign', 'assigned'],
      ['depart', 'en_route'],
      ['checkIn', 'checked_in'],
      ['record', 'recorded'],
      ['checkOut', 'checked_out'],
      ['confirm', 'confirmed'],
      ['settle', 'settled'],
    ]
    let s: TOrderStatus = 'requested'
    for (const [a, to] of path) {
      expect(canTransition(orderFlow, a, s), `${a} from ${s}`).toBe(true)
      s = orderFlow[a as keyof typeof orderFlow].to
      expect(s).toBe(to)
    }
    expect(terminalStatuses(orderFlow, orderStatuses).sort()).toEqual(['cancelled', 'no_show', 'settled'])
    // Evidence first: nothing settles before confirmation, no cancel once the caregiver is on the way, exceptions wait for a supervisor.
    expect(canTransition(orderFlow, 'settle', 'checked_out')).toBe(false)
    expect(canTransition(orderFlow, 'settle', 'exception')).toBe(false)
    expect(canTransition(orderFlow, 'cancel', 'en_route')).toBe(false)
    expect(canTransition(orderFlow, 'checkOut', 'checked_in')).toBe(false)
    expect(availableActions(orderFlow, 'exception')).toEqual(['resolve'])
  })

  it('catalog edition: only a draft moves; published and discarded are final; bureau admins manage, every staff role reads', () => {
    expect(terminalStatuses(catalogEditionFlow, catalogEditionStatuses).sort()).toEqual(['discarded', 'published'])
    expect(availableActions(catalogEditionFlow, 'draft')).toEqual(['publish', 'discard'])
    expect(availableActions(catalogEditionFlow, 'published')).toEqual([])
    expect(roles.filter((r) => rolePermissions[r].includes('catalog:manage')).sort()).toEqual(['bureau_admin', 'sys_admin'])
    for (const r of roles.filter((r) => r !== 'provider_admin' && r !== 'caregiver' && r !== 'volunteer'))
      expect(rolePermissions[r], r).toContain('catalog:read')
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
