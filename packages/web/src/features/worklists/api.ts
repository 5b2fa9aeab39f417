import { http, type Page } from "../../api/client";

export type ItemStatus = "open" | "assigned" | "handled" | "resolved";

export interface WorklistRule {
  id: string;
  name: string;
  description: string;
  rule: unknown;
  ruleText: string;
  reappearAfterDays: number;
  isActive: boolean;
  version: number;
  updatedAt: string;
  counts: Record<ItemStatus, number>;
}

export interface RuleField { name: string; type: string; label: string; values: Record<string, string> | null }

export interface WorklistItem {
  id: string;
  ruleId: string;
  ruleName: string;
  elderId: string;
  status: ItemStatus;
  explanation: string;
  regionCode: string;
  assignedTo: string | null;
  assignedToName: string | null;
  handledNote: string | null;
  handledAt: string | null;
  reappearOn: string | null;
  timesReopened: number;
  createdAt: string;
  updatedAt: string;
  elder: { name: string; idNumber: string; age: number; sex: string; regionName: string | null; categories: string[]; livingArrangement: string } | null;
}

export interface ItemQuery { ruleId?: string; status?: string; regionCode?: string; mine?: "true"; page: number; pageSize: number }

export const worklistKeys = {
  all: ["worklists"] as const,
  rules: ["worklists", "rules"] as const,
  items: (q: ItemQuery) => ["worklists", "items", q] as const,
};

export const fetchRules = () => http.get<{ items: WorklistRule[]; fields: RuleField[]; ops: { op: string; label: string }[] }>("/worklists/rules");
export const fetchItems = (q: ItemQuery) => http.get<Page<WorklistItem>>("/worklists/items", q as unknown as Record<string, string | number>);
export const refreshWorklists = () => http.post<{ elders: number; matched: number; opened: number; reopened: number; resolved: number }>("/worklists/refresh");
export const assignItem = (id: string, assigneeId?: string) => http.post<WorklistItem>(`/worklists/items/${id}/assign`, assigneeId ? { assigneeId } : {});
export const handleItem = (id: string, note: string) => http.post<WorklistItem>(`/worklists/items/${id}/handle`, { note });
export const updateRule = (id: string, body: { version: number; name?: string; description?: string; rule?: unknown; reappearAfterDays?: number; isActive?: boolean }) =>
  http.put<WorklistRule>(`/worklists/rules/${id}`, body);
export const createRule = (body: { id: string; name: string; description: string; rule: unknown; reappearAfterDays: number; isActive: boolean }) =>
  http.post<WorklistRule>("/worklists/rules", body);
