import type { TAssessmentScale, TAssessmentStatus, TReassessmentState } from '@yiyang/core'
import { http, type Page } from '../../api/client'
import type { ElderSummary } from '../elders/api'
import { downloadFile } from '../elders/api'

// Response and request shapes from the server's zod schemas (type-only import).
import type {
  TAnnexAInfo as AnnexAInfo,
  TAssessmentDetail as AssessmentDetail,
  TAssessmentSummary as AssessmentSummary,
  TDueItem as DueItem,
  TLevelStats as LevelStats,
  TSaveAnswers as SaveAnswersInput,
  TScaleSettings as ScaleSettings,
  TScheduleAssessment as ScheduleInput,
  TWorkloadRow as WorkloadRow,
} from '@yiyang/server/contract'
export type { AnnexAInfo, AssessmentDetail, AssessmentSummary, DueItem, LevelStats, SaveAnswersInput, ScaleSettings, ScheduleInput, WorkloadRow }
export type Assessor = AssessmentSummary['assessors'][number]

export type AssessmentQuery = {
  status?: TAssessmentStatus
  statusGroup?: 'open' | 'in_force' | 'history'
  regionCode?: string
  scale?: TAssessmentScale
  elderId?: string
  q?: string
  page: number
  pageSize: number
}

export type DueQuery = { regionCode?: string; state?: TReassessmentState; page: number; pageSize: number }

/** An elder to pick when scheduling: a slice of the elder list's rows. */
export type ElderOption = Pick<ElderSummary, 'id' | 'name' | 'idNumber' | 'age' | 'regionCode' | 'regionName'>

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (q: AssessmentQuery) => ['assessments', 'list', q] as const,
  detail: (id: string) => ['assessments', 'detail', id] as const,
  history: (elderId: string) => ['assessments', 'history', elderId] as const,
  due: (q: DueQuery) => ['assessments', 'due', q] as const,
  workload: (regionCode?: string) => ['assessments', 'workload', regionCode ?? ''] as const,
  stats: (scale: string, regionCode?: string) => ['assessments', 'stats', scale, regionCode ?? ''] as const,
  assessors: (regionCode?: string) => ['assessments', 'assessors', regionCode ?? ''] as const,
  settings: ['assessments', 'settings'] as const,
}

const enc = encodeURIComponent
export const fetchAssessments = (q: AssessmentQuery) => http.get<Page<AssessmentSummary>>('/assessments', { ...q })
export const fetchAssessment = (id: string) => http.get<AssessmentDetail>(`/assessments/${enc(id)}`)
export const fetchElderHistory = (elderId: string) => http.get<Page<AssessmentSummary>>('/assessments', { elderId, pageSize: 50, page: 1 })
export const scheduleAssessment = (input: ScheduleInput) => http.post<AssessmentDetail>('/assessments', input)
export const startAssessment = (id: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/start`)
export const saveAnswers = (id: string, input: SaveAnswersInput) => http.put<AssessmentDetail>(`/assessments/${enc(id)}/answers`, input)
export const submitAssessment = (id: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/submit`)
export const reviewAssessment = (id: string, body: { decision: 'approve'; note?: string | null } | { decision: 'return'; reason: string }) =>
  http.post<AssessmentDetail>(`/assessments/${enc(id)}/review`, body)
export const objectAssessment = (id: string, body: { by: string; relation?: string | null; reason: string; scheduledDate: string; assessorId: string }) =>
  http.post<AssessmentDetail>(`/assessments/${enc(id)}/objection`, body)
export const dismissObjection = (id: string, reason: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/dismiss-objection`, { reason })
export const cancelAssessment = (id: string, reason: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/cancel`, { reason })
export const fetchDue = (q: DueQuery) => http.get<Page<DueItem>>('/assessments/due', { ...q })
export const reportConditionChange = (elderId: string, note: string) => http.post<{ id: string }>('/assessments/condition-changes', { elderId, note })
export const fetchWorkload = (regionCode?: string) => http.get<{ items: WorkloadRow[] }>('/assessments/workload', { regionCode }).then((r) => r.items)
export const fetchStats = (scale: string, regionCode?: string) => http.get<LevelStats>('/assessments/stats', { scale, regionCode })
export const fetchAssessors = (regionCode?: string) =>
  http.get<{ items: { id: string; displayName: string; openCases: number }[] }>('/assessments/assessors', { regionCode }).then((r) => r.items)
export const fetchSettings = () => http.get<{ items: ScaleSettings[] }>('/assessments/settings').then((r) => r.items)
export const updateSettings = (s: ScaleSettings) =>
  http.put<ScaleSettings>(`/assessments/settings/${enc(s.scale)}`, {
    intervalMonths: s.intervalMonths,
    dueSoonDays: s.dueSoonDays,
    objectionDays: s.objectionDays,
  })
export const searchElders = (q: string) => http.get<Page<ElderOption>>('/elders', { q, pageSize: 20, page: 1 }).then((r) => r.items)

export const reportHtmlUrl = (id: string) => `/api/v1/assessments/${enc(id)}/report.html`
export const reportPdfUrl = (id: string) => `/api/v1/assessments/${enc(id)}/report.pdf`
/** POST, like every export (the server refuses GET exports and cross-site requests). */
export const downloadStatsXlsx = (scale: string, regionCode?: string) =>
  downloadFile('/assessments/stats.xlsx', '能力等级分布.xlsx', { scale, regionCode }, { post: true })
