import { http, type Page } from '../../api/client'
import type { TDisbursementBatch as Batch, TDisbursementLine as Line, TFundAnomaly as Anomaly, TDisbursementReport as Report } from '@yiyang/server/contract'
export type { Anomaly, Batch, Line, Report }

export type BatchesQuery = { page: number; pageSize: number }
export type LinesQuery = { page: number; pageSize: number; programCode?: string; status?: Line['status'] }

export const disbursementKeys = {
  batches: (q: BatchesQuery) => ['disbursement', 'batches', q] as const,
  lines: (id: string, q: LinesQuery) => ['disbursement', 'lines', id, q] as const,
}

export const fetchBatches = (q: BatchesQuery) => http.get<Page<Batch>>('/disbursement/batches', { ...q })
export const fetchLines = (id: string, q: LinesQuery) => http.get<Page<Line>>(`/disbursement/batches/${id}/lines`, { ...q })
export const startRun = (month: string) => http.post<{ jobId: string; created: boolean }>('/disbursement/runs', { month })
export const checkBatch = (b: Batch) => http.post<Batch>(`/disbursement/batches/${b.id}/check`, { version: b.version })
export const reissueBatch = (b: Batch) => http.post<Batch>(`/disbursement/batches/${b.id}/reissue`)
export const approveBatch = (b: Batch) => http.post<Batch>(`/disbursement/batches/${b.id}/approve`, { version: b.version })

export type AnomaliesQuery = { page: number; pageSize: number; month?: string; status?: Anomaly['status']; kind?: Anomaly['kind'] }
export const fetchAnomalies = (q: AnomaliesQuery) => http.get<Page<Anomaly>>('/disbursement/anomalies', { ...q })
export const scanAnomalies = (month: string) =>
  http.post<{ month: string; checkedLines: number; found: number; created: number }>('/disbursement/anomalies/scan', { month })
export const resolveAnomaly = (a: Anomaly, note: string) => http.post<Anomaly>(`/disbursement/anomalies/${a.id}/resolve`, { note, version: a.version })
export const fetchReport = (from: string, to: string) => http.get<Report>('/disbursement/report', { from, to })
