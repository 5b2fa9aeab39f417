import { ApiError, API_BASE, fallbackMessage, http, type Page } from '../../api/client'

// Shapes from the server's zod schemas (type-only); value lists from @yiyang/core.
import type { TElderStatus as ElderStatus } from '@yiyang/core'
import type {
  TElderSummary as ElderSummary,
  TElderDetail as ElderDetail,
  TContact as Contact,
  TElderInput as ElderInput,
  TElderImportJob as ImportJob,
  TElderImportConflict as ImportConflict,
  TElderImportChange as ImportChange,
  TElderImportWarning as ImportWarning,
  TElderImportError as ImportError,
} from '@yiyang/server/contract'
export type { TSex as Sex } from '@yiyang/core'
export type { ElderStatus, ElderSummary, ElderDetail, Contact, ElderInput, ImportJob, ImportConflict, ImportChange, ImportWarning, ImportError }

/** Filters of the elder list; arrays travel as comma-separated values. */
export interface ElderQuery {
  q?: string
  regionCode?: string
  categories?: string
  categoryMatch?: 'any' | 'all'
  ageBand?: string
  livingArrangement?: string
  status?: string
  abilityLevel?: string
  sort?: 'createdAt' | 'name' | 'birthDate' | 'regionCode'
  order?: 'asc' | 'desc'
  page: number
  pageSize: number
}

export type ElderFilter = Omit<ElderQuery, 'page' | 'pageSize' | 'sort' | 'order'>

export interface HistoryEntry {
  id: number
  action: string
  source: string
  actorName: string | null
  at: string
  changes: { field: string; label: string; before: unknown; after: unknown }[]
}

export interface ElderEvent {
  id: number
  type: string
  label: string
  at: string
  payload: Record<string, unknown>
}

export type RevealField = 'idNumber' | 'phone' | 'address' | 'contacts'

export type ImportMode = 'all_or_nothing' | 'valid_only'

export const elderKeys = {
  all: ['elders'] as const,
  list: (q: ElderQuery) => ['elders', 'list', q] as const,
  counts: (f: ElderFilter) => ['elders', 'counts', f] as const,
  detail: (id: string) => ['elders', 'detail', id] as const,
  history: (id: string) => ['elders', 'history', id] as const,
  events: (id: string) => ['elders', 'events', id] as const,
  importJob: (id: string) => ['elders', 'import', id] as const,
}

const clean = <T extends object>(q: T) => q as unknown as Record<string, string | number | undefined>

/** `total` is exact up to 10,000 matches; beyond that `totalIsEstimate` and `total` is the server's estimate. */
export type ElderPage = Page<ElderSummary> & { totalIsEstimate: boolean }
export const fetchElders = (q: ElderQuery) => http.get<ElderPage>('/elders', clean(q))

/** "共 N 人", or for more than 10,000 matches "约 N 人" (the estimate) or "10000+ 人". */
export function elderTotalLabel(total: number, totalIsEstimate: boolean | undefined): string {
  if (!totalIsEstimate) return `共 ${total} 人`
  return total > 10_001 ? `约 ${total.toLocaleString('zh-CN')} 人` : '10000+ 人'
}
export const fetchElderCounts = (f: ElderFilter) => http.get<{ total: number; counts: Record<string, number> }>('/elders/counts', clean(f))
export const fetchElder = (id: string) => http.get<ElderDetail>(`/elders/${encodeURIComponent(id)}`)
export const createElder = (input: ElderInput) => http.post<ElderDetail>('/elders', input)
export const updateElder = (id: string, input: Partial<ElderInput> & { version: number }) => http.patch<ElderDetail>(`/elders/${encodeURIComponent(id)}`, input)
export const changeElderStatus = (id: string, input: { status: ElderStatus; date?: string; reason: string; version: number }) =>
  http.post<ElderDetail>(`/elders/${encodeURIComponent(id)}/status`, input)
export const revealElderField = (id: string, field: RevealField, reason: string) =>
  http.post<{ field: RevealField; value: string | null; contacts: Contact[] | null }>(`/elders/${encodeURIComponent(id)}/reveal`, { field, reason })
export const mergeElders = (keepId: string, duplicateId: string, reason: string) =>
  http.post<ElderDetail>(`/elders/${encodeURIComponent(keepId)}/merge`, { duplicateId, reason })
export const fetchElderHistory = (id: string) => http.get<{ items: HistoryEntry[] }>(`/elders/${encodeURIComponent(id)}/history`).then((r) => r.items)
export const fetchElderEvents = (id: string) => http.get<{ items: ElderEvent[] }>(`/elders/${encodeURIComponent(id)}/events`).then((r) => r.items)
export const fetchImportJob = (id: string) => http.get<ImportJob>(`/elders/imports/${encodeURIComponent(id)}`)

async function failureOf(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {}
  try {
    body = (await res.json()) as Record<string, unknown>
  } catch {
    /* not JSON */
  }
  return new ApiError({
    status: res.status,
    code: String(body.code ?? `HTTP_${res.status}`),
    message: String(body.message || fallbackMessage(res.status)),
    fields: Array.isArray(body.fields) ? (body.fields as { path: string; message: string }[]) : [],
    requestId: (body.requestId as string | undefined) ?? res.headers.get('x-request-id'),
  })
}

/** Uploads an xlsx with its mode; the server answers with the background job's id. */
export async function startImport(file: File, mode: ImportMode): Promise<{ id: string }> {
  const form = new FormData()
  form.append('mode', mode)
  form.append('file', file, file.name)
  let res: Response
  try {
    res = await fetch(`${API_BASE}/elders/imports`, { method: 'POST', body: form, credentials: 'same-origin' })
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络连接后重试。' })
  }
  if (!res.ok) throw await failureOf(res)
  return (await res.json()) as { id: string }
}

/** Downloads a file answer (xlsx) under `filename`; server errors become ApiError with the Chinese message. */
export async function downloadFile(path: string, filename: string, query?: Record<string, string | number | undefined>, opts: { post?: boolean } = {}) {
  const params = new URLSearchParams()
  const body: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === '') continue
    if (opts.post) body[k] = v
    else params.set(k, String(v))
  }
  const qs = params.toString()
  let res: Response
  try {
    // Exports are POST with a JSON body (the server refuses a GET export and cross-site POSTs).
    res = await fetch(
      `${API_BASE}${path}${qs ? `?${qs}` : ''}`,
      opts.post
        ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' }
        : { credentials: 'same-origin' },
    )
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络连接后重试。' })
  }
  if (!res.ok) throw await failureOf(res)
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { rows: Number(res.headers.get('x-row-count') ?? NaN) }
}

export const confirmImportRows = (id: string, rows: number[]) => http.post<{ id: string }>(`/elders/imports/${encodeURIComponent(id)}/confirm`, { rows })
export const fetchImportErrors = (id: string) =>
  http.get<{ items: ImportError[]; total: number }>(`/elders/imports/${encodeURIComponent(id)}/errors`, { format: 'json' })

/** Uploads one xlsx as the `file` field of a multipart form; answers the server's JSON. */
export async function uploadXlsx<T>(path: string, file: File): Promise<T> {
  const form = new FormData()
  form.append('file', file, file.name)
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', body: form, credentials: 'same-origin' })
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络连接后重试。' })
  }
  if (!res.ok) throw await failureOf(res)
  return (await res.json()) as T
}
