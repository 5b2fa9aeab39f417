import { http, type Page } from '../../api/client'

// Response shapes from the server's zod schemas (type-only import).
import type { TJob as Job, TOutboxEvent as OutboxEvent } from '@yiyang/server/contract'
export type { Job, OutboxEvent }
export type JobStatus = Job['status']
export type JobsQuery = { status?: JobStatus; page: number; pageSize: number }
export type EventsQuery = { state: 'failed' | 'pending'; page: number; pageSize: number }

export const systemKeys = {
  jobs: (q: JobsQuery) => ['system', 'jobs', q] as const,
  events: (q: EventsQuery) => ['system', 'events', q] as const,
}

export const fetchJobs = (q: JobsQuery) => http.get<Page<Job>>('/system/jobs', { ...q })
export const retryJob = (id: string) => http.post<{ ok: true }>(`/system/jobs/${id}/retry`)
export const fetchEvents = (q: EventsQuery) => http.get<Page<OutboxEvent>>('/system/events', { ...q })
export const retryEvent = (id: number) => http.post<{ ok: true }>(`/system/events/${id}/retry`)

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: '排队中',
  running: '执行中',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
}
