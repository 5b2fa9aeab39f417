import { alarmEvents, hotlineDepartmentLabels, hotlineDepartments, hotlineFlow, hotlineRouteKindLabels, type THotlineDepartment } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { inScope, requirePermission } from '../../platform/permissions.js'
import { providerNames, providerServing } from '../providers/index.js'
import { getRegion } from '../regions/index.js'
import { getHotlineCall } from './get-hotline-call.js'
import { hotlineStep } from './hotline-step.js'
import type { TRoute } from './hotline.schemas.js'

/** Routes the work order to a street (in scope), a provider serving the elder's place, or a department; the deadline stays the intake's. */
export async function routeHotlineCall(ctx: Ctx, id: string, input: TRoute) {
  requirePermission(ctx.actor, 'hotline:handle')
  const actor = ctx.actor
  await hotlineStep(ctx, actor, id, {
    step: hotlineFlow.route,
    version: input.version,
    action: 'hotline.routed',
    event: alarmEvents.hotlineRouted,
    prepare: async (t, before) => {
      if (before.category === 'emergency') throw new AppError('NOT_ELIGIBLE', '紧急来电应转为紧急报警，不能转办')
      let name: string
      if (input.routeKind === 'street') {
        const r = /^\d{9}000$/.test(input.target) ? await getRegion(t.tx, input.target) : undefined
        if (!r || r.level !== 'township' || !inScope(actor, r.code)) throw fieldError('target', '请选择管辖范围内的街道')
        name = r.name
      } else if (input.routeKind === 'provider') {
        const p = /^[0-9a-f-]{36}$/i.test(input.target) ? await providerServing(t.tx, input.target, before.regionCode) : null
        if (!p) throw fieldError('target', '该服务商未登记、已暂停或不服务来电人所在地')
        name = (await providerNames(t.tx, [p.id])).get(p.id) ?? p.name
      } else {
        if (!(hotlineDepartments as readonly string[]).includes(input.target)) throw fieldError('target', '请选择转办部门')
        name = hotlineDepartmentLabels[input.target as THotlineDepartment]
      }
      return { routeKind: input.routeKind, routedTo: input.target, routeTargetName: name }
    },
    journal: (p) => ({
      kind: 'routed',
      result: input.routeKind,
      note: `转${hotlineRouteKindLabels[input.routeKind]}「${String(p.routeTargetName)}」${input.note ? `：${input.note}` : ''}`,
    }),
  })
  return getHotlineCall(ctx, id)
}
