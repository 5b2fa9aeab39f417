import { http, type Page } from '../../api/client'
import { downloadFile } from '../elders/api'
import type {
  TCreateDispatchPlan,
  TDispatchDiff,
  TDispatchMove,
  TDispatchMoveCheck,
  TDispatchPlanDetail,
  TDispatchPlanSummary,
  TDispatchUrgentResult,
  TMapContext,
  TServiceCircle,
} from '@yiyang/server/contract'
export type {
  TDispatchPlanDetail as PlanDetail,
  TDispatchRoute as PlanRoute,
  TDispatchStop as PlanStop,
  TDispatchFigures as Figures,
} from '@yiyang/server/contract'
export type { TDispatchDiff as PlanDiff, TDispatchMoveCheck as MoveCheck, TServiceCircle as ServiceCircle, TMapContext as MapContext }

export const dispatchKeys = {
  map: ['dispatch', 'map'] as const,
  plans: (q: Record<string, unknown>) => ['dispatch', 'plans', q] as const,
  plan: (id: string) => ['dispatch', 'plan', id] as const,
  circle: (q: Record<string, unknown>) => ['dispatch', 'circle', q] as const,
}
const enc = encodeURIComponent

export const fetchMapContext = () => http.get<TMapContext>('/dispatch/map')
export const fetchPlans = (q: { date?: string; providerId?: string; streetCode?: string }) =>
  http.get<Page<TDispatchPlanSummary>>('/dispatch/plans', { ...q, page: 1, pageSize: 20 })
export const fetchPlan = (id: string) => http.get<TDispatchPlanDetail>(`/dispatch/plans/${enc(id)}`)
export const createPlan = (input: TCreateDispatchPlan) => http.post<{ planId: string }>('/dispatch/plans', input)
export const checkMove = (planId: string, move: TDispatchMove) => http.post<TDispatchMoveCheck>(`/dispatch/plans/${enc(planId)}/moves/check`, move)
export const applyMove = (planId: string, move: TDispatchMove) => http.post<TDispatchPlanDetail>(`/dispatch/plans/${enc(planId)}/moves`, move)
export const lockVisit = (planId: string, body: { orderId: string; locked: boolean; version?: number }) =>
  http.post<TDispatchPlanDetail>(`/dispatch/plans/${enc(planId)}/locks`, body)
export const publishPlan = (planId: string, version: number) => http.post<TDispatchPlanDetail>(`/dispatch/plans/${enc(planId)}/publish`, { version })
export const insertUrgent = (planId: string, orderId: string) => http.post<TDispatchUrgentResult>(`/dispatch/plans/${enc(planId)}/urgent`, { orderId })
export const proposeSick = (planId: string, body: { caregiverId: string; from: string }) =>
  http.post<TDispatchDiff>(`/dispatch/plans/${enc(planId)}/sick`, body)
export const approveDiff = (planId: string, diffId: string) => http.post<TDispatchPlanDetail>(`/dispatch/plans/${enc(planId)}/diffs/${enc(diffId)}/approve`)

export const fetchServiceCircle = (q: { regionCode?: string; minutes?: number }) => http.get<TServiceCircle>('/dispatch/service-circle', { ...q })
/** POST, like every export; audited. */
export const downloadServiceCircle = (q: { regionCode?: string; minutes?: number }) =>
  downloadFile('/dispatch/service-circle.xlsx', '15分钟服务圈.xlsx', { ...q }, { post: true })
