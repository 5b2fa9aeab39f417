import { http, type Page } from '../../api/client'
import { downloadFile } from '../elders/api'
import type {
  TRecordVisit as RecordVisitInput,
  TRecordVisitResult as RecordVisitResult,
  TVisitLedger as VisitLedger,
  TVisitListItem as VisitListItem,
  TVisitPlan as VisitPlan,
  TVisitPlanDetail as VisitPlanDetail,
  TVisitRates as VisitRates,
  TVisitTask as VisitTask,
  TVisitorOption as VisitorOption,
} from '@yiyang/server/contract'
export type { RecordVisitInput, RecordVisitResult, VisitLedger, VisitListItem, VisitPlan, VisitPlanDetail, VisitRates, VisitTask, VisitorOption }

export type PlanQuery = {
  regionCode?: string
  q?: string
  frequency?: 'weekly' | 'monthly'
  status?: 'active' | 'ended'
  visitorId?: string
  unassigned?: 'true'
  redListed?: 'true'
  dueNow?: 'true'
  page: number
  pageSize: number
}

export const visitKeys = {
  all: ['visits'] as const,
  plans: (q: PlanQuery) => ['visits', 'plans', q] as const,
  plan: (id: string) => ['visits', 'plan', id] as const,
  visitors: (regionCode?: string, planId?: string) => ['visits', 'visitors', regionCode ?? '', planId ?? ''] as const,
  list: (q: Record<string, string | number | undefined>) => ['visits', 'list', q] as const,
  ledger: (regionCode: string | undefined, month: string) => ['visits', 'ledger', regionCode ?? '', month] as const,
  rates: (regionCode: string | undefined, week?: string) => ['visits', 'rates', regionCode ?? '', week ?? ''] as const,
}

const enc = encodeURIComponent
export const fetchPlans = (q: PlanQuery) => http.get<Page<VisitPlan>>('/visits/plans', { ...q })
export const fetchPlan = (id: string) => http.get<VisitPlanDetail>(`/visits/plans/${enc(id)}`)
export const syncPlans = () => http.post<{ created: number; resumed: number; updated: number; ended: number }>('/visits/plans/sync')
export const assignPlans = (body: { planIds: string[]; visitorId: string; backupId?: string | null }) =>
  http.post<{ updated: number }>('/visits/plans/assign', body)
/** With one plan the suggestion also ranks by distance to that elder. */
export const fetchVisitors = (regionCode?: string, planId?: string) => http.get<{ items: VisitorOption[] }>('/visits/visitors', { regionCode, planId })
export const fetchVisits = (q: { visitorId?: string; from?: string; to?: string; planId?: string; page: number; pageSize: number }) =>
  http.get<Page<VisitListItem>>('/visits', { ...q })
export const recordVisit = (body: RecordVisitInput) => http.post<RecordVisitResult>('/visits', body)
export const fetchLedger = (regionCode: string | undefined, month: string) => http.get<VisitLedger>('/visits/ledger', { regionCode, month })
export const fetchRates = (regionCode?: string, week?: string) => http.get<VisitRates>('/visits/rates', { regionCode, week })
export const exportLedger = (regionCode: string | undefined, month: string) =>
  downloadFile('/visits/ledger.xlsx', `探访台账-${month}.xlsx`, { regionCode, month }, { post: true })

/** The photo goes up as multipart after the visit is saved (the visit itself must never wait for it). */
export async function uploadPhoto(visitId: string, file: Blob) {
  const form = new FormData()
  form.append('file', file, 'photo.jpg')
  const res = await fetch(`/api/v1/visits/${enc(visitId)}/photo`, { method: 'PUT', body: form, credentials: 'same-origin' })
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string }
    throw new Error(body.message ?? '照片上传失败')
  }
}
