import type { TAssessmentReason, TAssessmentScale, TAssessmentStatus, TReassessmentState } from "@yiyang/core";
import { http, type Page } from "../../api/client";
import { downloadFile } from "../elders/api";

export interface Assessor {
  userId: string | null;
  name: string;
  certificateNo: string | null;
}
export interface Signature {
  name: string;
  relation?: string | null;
  confirmedAt: string;
}

export interface AssessmentSummary {
  id: string;
  elderId: string;
  elderName: string;
  elderSex: "male" | "female";
  elderBirthDate: string;
  regionCode: string;
  regionName: string | null;
  scale: TAssessmentScale;
  reason: TAssessmentReason;
  status: TAssessmentStatus;
  scheduledDate: string;
  assessorId: string;
  assessors: Assessor[];
  assessedAt: string | null;
  answeredCount: number;
  itemCount: number;
  dimensions: Record<string, number> | null;
  total: number | null;
  initialLevel: number | null;
  finalLevel: number | null;
  finalLevelName: string | null;
  effectiveDate: string | null;
  objectionDeadline: string | null;
  actions: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AnnexAInfo {
  riskEvents: Record<string, number>;
  diagnoses: { name: string; icd10: string }[];
  coma: boolean;
  notes?: string | null;
}

export interface AssessmentDetail extends AssessmentSummary {
  items: Record<string, number>;
  info: AnnexAInfo;
  missing: { key: string; name: string }[];
  place: string | null;
  reasons: string[] | null;
  signatures: { assessor1?: Signature | null; assessor2?: Signature | null; informant?: Signature | null };
  note: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewerName: string | null;
  reviewNote: string | null;
  returnReason: string | null;
  objection: { by: string; relation: string | null; reason: string; at: string; reviewAssessmentId: string } | null;
  disputedId: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  cancelReason: string | null;
}

export type AssessmentQuery = {
  status?: TAssessmentStatus;
  statusGroup?: "open" | "in_force" | "history";
  regionCode?: string;
  scale?: TAssessmentScale;
  elderId?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export interface ScheduleInput {
  elderId: string;
  scale: TAssessmentScale;
  reason: TAssessmentReason;
  scheduledDate: string;
  assessorId: string;
  note?: string | null;
}

export interface SignatureInput {
  name: string;
  relation?: string | null;
  confirmed: boolean;
}
export interface SaveAnswersInput {
  items: Record<string, number | null>;
  info?: AnnexAInfo;
  place?: string | null;
  assessedAt?: string | null;
  assessors?: Assessor[];
  signatures?: { assessor1?: SignatureInput | null; assessor2?: SignatureInput | null; informant?: SignatureInput | null };
  version?: number;
}

export interface DueItem {
  elderId: string;
  elderName: string;
  regionCode: string;
  regionName: string | null;
  source: "interval" | "condition_change";
  scale: string | null;
  lastAssessmentId: string | null;
  lastEffectiveDate: string | null;
  lastLevel: number | null;
  lastLevelName: string | null;
  dueDate: string;
  state: TReassessmentState;
  daysLeft: number;
  triggerNote: string | null;
  openAssessmentId: string | null;
  openAssessmentStatus: string | null;
}
export type DueQuery = { regionCode?: string; state?: TReassessmentState; page: number; pageSize: number };

export interface WorkloadRow {
  assessorId: string;
  assessorName: string;
  scheduled: number;
  inProgress: number;
  returned: number;
  submitted: number;
  completed30d: number;
  overdueScheduled: number;
}

export interface LevelStats {
  scale: TAssessmentScale;
  levels: { level: number; name: string }[];
  rows: { regionCode: string; regionName: string; counts: number[]; total: number; moderateOrWorse: number }[];
  totals: { counts: number[]; total: number; moderateOrWorse: number };
}

export interface ScaleSettings {
  scale: TAssessmentScale;
  intervalMonths: number;
  dueSoonDays: number;
  objectionDays: number;
}

export interface ElderOption {
  id: string;
  name: string;
  idNumber: string;
  age: number;
  regionCode: string;
  regionName: string | null;
}

export const assessmentKeys = {
  all: ["assessments"] as const,
  list: (q: AssessmentQuery) => ["assessments", "list", q] as const,
  detail: (id: string) => ["assessments", "detail", id] as const,
  history: (elderId: string) => ["assessments", "history", elderId] as const,
  due: (q: DueQuery) => ["assessments", "due", q] as const,
  workload: (regionCode?: string) => ["assessments", "workload", regionCode ?? ""] as const,
  stats: (scale: string, regionCode?: string) => ["assessments", "stats", scale, regionCode ?? ""] as const,
  assessors: (regionCode?: string) => ["assessments", "assessors", regionCode ?? ""] as const,
  settings: ["assessments", "settings"] as const,
};

const enc = encodeURIComponent;
export const fetchAssessments = (q: AssessmentQuery) => http.get<Page<AssessmentSummary>>("/assessments", { ...q });
export const fetchAssessment = (id: string) => http.get<AssessmentDetail>(`/assessments/${enc(id)}`);
export const fetchElderHistory = (elderId: string) =>
  http.get<Page<AssessmentSummary>>("/assessments", { elderId, pageSize: 50, page: 1 });
export const scheduleAssessment = (input: ScheduleInput) => http.post<AssessmentDetail>("/assessments", input);
export const startAssessment = (id: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/start`);
export const saveAnswers = (id: string, input: SaveAnswersInput) => http.put<AssessmentDetail>(`/assessments/${enc(id)}/answers`, input);
export const submitAssessment = (id: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/submit`);
export const reviewAssessment = (id: string, body: { decision: "approve"; note?: string | null } | { decision: "return"; reason: string }) =>
  http.post<AssessmentDetail>(`/assessments/${enc(id)}/review`, body);
export const objectAssessment = (id: string, body: { by: string; relation?: string | null; reason: string; scheduledDate: string; assessorId: string }) =>
  http.post<AssessmentDetail>(`/assessments/${enc(id)}/objection`, body);
export const dismissObjection = (id: string, reason: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/dismiss-objection`, { reason });
export const cancelAssessment = (id: string, reason: string) => http.post<AssessmentDetail>(`/assessments/${enc(id)}/cancel`, { reason });
export const fetchDue = (q: DueQuery) => http.get<Page<DueItem>>("/assessments/due", { ...q });
export const reportConditionChange = (elderId: string, note: string) => http.post<{ id: string }>("/assessments/condition-changes", { elderId, note });
export const fetchWorkload = (regionCode?: string) => http.get<{ items: WorkloadRow[] }>("/assessments/workload", { regionCode }).then((r) => r.items);
export const fetchStats = (scale: string, regionCode?: string) => http.get<LevelStats>("/assessments/stats", { scale, regionCode });
export const fetchAssessors = (regionCode?: string) =>
  http.get<{ items: { id: string; displayName: string; openCases: number }[] }>("/assessments/assessors", { regionCode }).then((r) => r.items);
export const fetchSettings = () => http.get<{ items: ScaleSettings[] }>("/assessments/settings").then((r) => r.items);
export const updateSettings = (s: ScaleSettings) =>
  http.put<ScaleSettings>(`/assessments/settings/${enc(s.scale)}`, { intervalMonths: s.intervalMonths, dueSoonDays: s.dueSoonDays, objectionDays: s.objectionDays });
export const searchElders = (q: string) =>
  http.get<Page<ElderOption>>("/elders", { q, pageSize: 20, page: 1 }).then((r) => r.items);

export const reportHtmlUrl = (id: string) => `/api/v1/assessments/${enc(id)}/report.html`;
export const reportPdfUrl = (id: string) => `/api/v1/assessments/${enc(id)}/report.pdf`;
/** POST, like every export (the server refuses GET exports and cross-site requests). */
export const downloadStatsXlsx = (scale: string, regionCode?: string) =>
  downloadFile("/assessments/stats.xlsx", "能力等级分布.xlsx", { scale, regionCode }, { post: true });
