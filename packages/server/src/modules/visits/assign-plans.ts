import { maskName, visitEvents, visitPlanFlow } from '@yiyang/core'
import { and, inArray } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { getUsersBrief, type TUserBrief } from '../accounts/index.js'
import { planAuditSnapshot } from './visits.mapper.js'
import { planScope } from './visits.repo.js'
import type { TAssignPlans } from './visits.schemas.js'
import { visitPlans } from './visits.tables.js'

/** Roles that may be named as visitor or backup (issue 22 item 2). */
export const visitorRoles = ['community_worker', 'volunteer', 'caregiver', 'street_officer'] as const

/** A visitor must be an active user of a visiting role whose scope covers the elder's community. */
function requireVisitor(u: TUserBrief | undefined, regionCode: string, field: string) {
  if (!u || !u.isActive || !(visitorRoles as readonly string[]).includes(u.role) || !regionCode.startsWith(u.scopePrefix))
    throw new AppError('VALIDATION_FAILED', '所选探访人不能探访该老人（账号停用、角色不符或不在该社区范围内）', [
      { path: field, message: '请选择该社区(村)范围内的探访人' },
    ])
}

/** Names the visitor (and backup) of one or many plans at once (bulk assignment). */
export async function assignPlans(ctx: Ctx, input: TAssignPlans) {
  requirePermission(ctx.actor, 'visit:plan')
  const actor = ctx.actor
  if (input.backupId && input.backupId === input.visitorId)
    throw new AppError('VALIDATION_FAILED', '备用探访人不能与探访人相同', [{ path: 'backupId', message: '请选择另一人' }])
  return withTx(ctx, async (t) => {
    const plans = await t.tx
      .select()
      .from(visitPlans)
      .where(and(inArray(visitPlans.id, input.planIds), planScope(actor)))
      .for('update')
    if (plans.length !== new Set(input.planIds).size) throw new AppError('NOT_FOUND', '部分探访计划不存在或不在您的管辖范围内')
    const people = await getUsersBrief(t.tx, [input.visitorId, ...(input.backupId ? [input.backupId] : [])])
    const visitor = people.get(input.visitorId)
    const backup = input.backupId ? people.get(input.backupId) : undefined
    let updated = 0
    for (const p of plans) {
      requireVisitor(visitor, p.regionCode, 'visitorId')
      if (input.backupId) requireVisitor(backup, p.regionCode, 'backupId')
      await runStep(t, {
        table: visitPlans,
        step: visitPlanFlow.assign,
        before: p,
        patch: {
          visitorId: visitor!.id,
          visitorName: visitor!.displayName,
          ...(input.backupId !== undefined ? { backupId: backup?.id ?? null, backupName: backup?.displayName ?? null } : {}),
        },
        audit: { action: 'visit.plan_assigned', entityType: 'visit_plan', snapshot: planAuditSnapshot },
        event: {
          type: visitEvents.planAssigned,
          payload: (r) => ({ planId: r.id, elderId: r.elderId, visitorId: r.visitorId, elderName: maskName(r.elderName) }),
        },
      })
      updated++
    }
    return { updated }
  })
}
