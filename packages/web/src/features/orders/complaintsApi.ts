import type { TComplaintStatus } from '@yiyang/core'
import { http, type Page } from '../../api/client'
import type { TComplaint as Complaint, TLodgeComplaint as LodgeComplaintInput } from '@yiyang/server/contract'
export type { Complaint, LodgeComplaintInput }

export type ComplaintQuery = { q?: string; status?: TComplaintStatus; overdue?: 'true'; page: number; pageSize: number }
export const complaintKeys = {
  all: ['complaints'] as const,
  list: (q: ComplaintQuery) => ['complaints', 'list', q] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
}
const enc = encodeURIComponent
export const fetchComplaints = (q: ComplaintQuery) => http.get<Page<Complaint>>('/complaints', { ...q })
export const fetchComplaint = (id: string) => http.get<Complaint>(`/complaints/${enc(id)}`)
export const lodgeComplaint = (orderId: string, body: LodgeComplaintInput) => http.post<Complaint>(`/orders/${enc(orderId)}/complaints`, body)
export const complaintStep = (id: string, step: 'investigate' | 'uphold' | 'dismiss', body: Record<string, unknown>) =>
  http.post<Complaint>(`/complaints/${enc(id)}/${step}`, body)
