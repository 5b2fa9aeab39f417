import type { TApplicationStatus } from '@yiyang/core'
import { API_BASE, ApiError, http, type Page } from '../../api/client'
import type {
  TApplicationDetail as ApplicationDetail,
  TApplicationSummary as ApplicationSummary,
  TBenefit as Benefit,
  TCalendar as Calendar,
  TCandidate as Candidate,
  TElderBenefits as ElderBenefits,
  TObjectionListItem as ObjectionListItem,
  TOverdueByStreet as OverdueByStreet,
  TPreviewResult as PreviewResult,
  TProgrammeRow as ProgrammeRow,
  TPublicNotice as PublicNotice,
  TPublicProgramme as PublicProgramme,
  TLodgeObjection as LodgeObjection,
} from '@yiyang/server/contract'
export type {
  ApplicationDetail,
  ApplicationSummary,
  Benefit,
  Calendar,
  Candidate,
  ElderBenefits,
  ObjectionListItem,
  OverdueByStreet,
  PreviewResult,
  ProgrammeRow,
  PublicNotice,
  PublicProgramme,
  LodgeObjection,
}

export type ApplicationQuery = {
  status?: TApplicationStatus
  statusGroup?: 'open' | 'done'
  programmeCode?: string
  regionCode?: string
  overdue?: 'true'
  page: number
  pageSize: number
}

export const benefitKeys = {
  all: ['benefits'] as const,
  programmes: ['benefits', 'programmes'] as const,
  list: (q: ApplicationQuery) => ['benefits', 'applications', q] as const,
  detail: (id: string) => ['benefits', 'application', id] as const,
  overdue: ['benefits', 'overdue'] as const,
  objections: (status?: string) => ['benefits', 'objections', status ?? ''] as const,
  elder: (elderId: string) => ['benefits', 'elder', elderId] as const,
  candidates: (q: object) => ['benefits', 'candidates', q] as const,
  calendar: (year: number) => ['benefits', 'calendar', year] as const,
  publicNotices: (page: number) => ['public', 'notices', page] as const,
  publicProgrammes: ['public', 'programmes'] as const,
}

const enc = encodeURIComponent
export const fetchProgrammes = () => http.get<ProgrammeRow[]>('/benefit-programmes')
export const updateProgramme = (code: string, body: { version: number; definition: unknown; isActive?: boolean }) =>
  http.put<ProgrammeRow>(`/benefit-programmes/${enc(code)}`, body)
export const previewProgramme = (body: { definition: unknown; elderId: string; month: string }) => http.post<PreviewResult>('/benefit-programmes/preview', body)

export const fetchApplications = (q: ApplicationQuery) => http.get<Page<ApplicationSummary>>('/benefit-applications', { ...q })
export const fetchApplication = (id: string) => http.get<ApplicationDetail>(`/benefit-applications/${enc(id)}`)
export const fetchOverdue = () => http.get<OverdueByStreet>('/benefit-applications/overdue')
export const createApplication = (body: { elderId: string; programmeCode: string; note?: string | null }) =>
  http.post<ApplicationDetail>('/benefit-applications', body)
export const applicationStep = (id: string, step: 'submit' | 'accept' | 'return' | 'street-review' | 'approve' | 'reject', body: object) =>
  http.post<ApplicationDetail>(`/benefit-applications/${enc(id)}/${step}`, body)

/** Home verification: a note and photos as multipart (the JSON client does not send files). */
export async function addVerification(id: string, note: string, files: File[]): Promise<ApplicationDetail> {
  const form = new FormData()
  form.append('note', note)
  for (const f of files) form.append('photos', f, f.name)
  const res = await fetch(`${API_BASE}/benefit-applications/${enc(id)}/verifications`, { method: 'POST', body: form, credentials: 'same-origin' })
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>
  if (!res.ok) {
    throw new ApiError({
      status: res.status,
      code: String(body.code ?? `HTTP_${res.status}`),
      message: typeof body.message === 'string' ? body.message : '保存失败，请重试',
      fields: Array.isArray(body.fields) ? (body.fields as { path: string; message: string }[]) : [],
      payload: body,
    })
  }
  return body as unknown as ApplicationDetail
}
export const fileUrl = (id: string) => `${API_BASE}/benefit-files/${enc(id)}`

export const fetchObjections = (status?: string) => http.get<Page<ObjectionListItem>>('/benefit-objections', { status, page: 1, pageSize: 100 })
export const decideObjection = (id: string, body: { decision: 'upheld' | 'dismissed'; note: string; repost?: boolean }) =>
  http.post<ApplicationDetail>(`/benefit-objections/${enc(id)}/decision`, body)

export const fetchElderBenefits = (elderId: string) => http.get<ElderBenefits>(`/elder-benefits/${enc(elderId)}`)
export const fetchCandidates = (q: { programmeCode: string; kind: 'eligible' | 'ineligible'; page: number; pageSize: number; regionCode?: string }) =>
  http.get<Page<Candidate>>('/benefit-candidates', { ...q })
export const refreshCandidates = () => http.post<{ id: string }>('/benefit-candidates/refresh')
export const fetchCalendar = (year: number) => http.get<Calendar>('/calendar', { year })

export const fetchPublicNotices = (page: number) => http.get<Page<PublicNotice>>('/public/benefit-notices', { page, pageSize: 50 })
export const fetchPublicProgrammes = () => http.get<PublicProgramme[]>('/public/benefit-programmes')
export const lodgeObjection = (id: string, body: LodgeObjection) =>
  http.post<{ id: string; message: string }>(`/public/benefit-notices/${enc(id)}/objections`, body)
export const noticeSheetUrl = `${API_BASE}/public/benefit-notices/print`

/** "¥100.00/月" from fen; integer arithmetic only. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const y = Math.trunc(fen / 100)
  return `¥${y.toLocaleString('zh-CN')}.${String(Math.abs(fen % 100)).padStart(2, '0')}`
}
export const setCalendarOverride = (date: string, body: { kind: 'holiday' | 'workday'; note: string }) =>
  http.put<Calendar>(`/calendar/overrides/${enc(date)}`, body)
export const deleteCalendarOverride = (date: string) => http.delete<Calendar>(`/calendar/overrides/${enc(date)}`)
export const fetchReviewDue = (q: { reviewDue: string; programmeCode?: string; regionCode?: string; page: number; pageSize: number }) =>
  http.get<Page<Benefit>>('/benefits', { ...q, status: 'active' })
