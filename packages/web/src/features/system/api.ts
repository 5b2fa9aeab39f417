import { http, type Page } from "../../api/client";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type Job = {
  id: string;
  kind: string;
  kindLabel: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  createdBy: string | null;
  regionCode: string | null;
};
export type OutboxEvent = {
  id: number;
  type: string;
  typeLabel: string;
  entityType: string;
  entityId: string;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  failedAt: string | null;
  nextAttemptAt: string | null;
};
export type JobsQuery = { status?: JobStatus; page: number; pageSize: number };
export type EventsQuery = { state: "failed" | "pending"; page: number; pageSize: number };

export const systemKeys = {
  jobs: (q: JobsQuery) => ["system", "jobs", q] as const,
  events: (q: EventsQuery) => ["system", "events", q] as const,
};

export const fetchJobs = (q: JobsQuery) => http.get<Page<Job>>("/system/jobs", { ...q });
export const retryJob = (id: string) => http.post<{ ok: true }>(`/system/jobs/${id}/retry`);
export const fetchEvents = (q: EventsQuery) => http.get<Page<OutboxEvent>>("/system/events", { ...q });
export const retryEvent = (id: number) => http.post<{ ok: true }>(`/system/events/${id}/retry`);

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: "排队中",
  running: "执行中",
  succeeded: "已完成",
  failed: "失败",
  cancelled: "已取消",
};
