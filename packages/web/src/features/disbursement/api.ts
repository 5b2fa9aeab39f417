import { http, type Page } from '../../api/client'
import type { TDisbursementBatch as Batch, TDisbursementLine as Line } from '@yiyang/server/contract'
export type { Batch, Line }

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
export const approveBatch = (b: Batch) => http.post<Batch>(`/disbursement/batches/${b.id}/approve`, { version: b.version })
