import { http, type Page } from '../../api/client'

// Response and request shapes from the server's zod schemas (type-only import).
import type { TCreateRule, TUpdateRule, TWorklistItem as WorklistItem, TWorklistRule as WorklistRule } from '@yiyang/server/contract'
export type { WorklistItem, WorklistRule }
export type ItemStatus = WorklistItem['status']

export interface RuleField {
  name: string
  type: string
  label: string
  values: Record<string, string> | null
}

export interface ItemQuery {
  ruleId?: string
  status?: string
  regionCode?: string
  mine?: 'true'
  page: number
  pageSize: number
}

export const worklistKeys = {
  all: ['worklists'] as const,
  rules: ['worklists', 'rules'] as const,
  items: (q: ItemQuery) => ['worklists', 'items', q] as const,
}

export const fetchRules = () => http.get<{ items: WorklistRule[]; fields: RuleField[]; ops: { op: string; label: string }[] }>('/worklists/rules')
export const fetchItems = (q: ItemQuery) => http.get<Page<WorklistItem>>('/worklists/items', q as unknown as Record<string, string | number>)
export const refreshWorklists = () => http.post<{ elders: number; matched: number; opened: number; reopened: number; resolved: number }>('/worklists/refresh')
export const assignItem = (id: string, assigneeId?: string) => http.post<WorklistItem>(`/worklists/items/${id}/assign`, assigneeId ? { assigneeId } : {})
export const handleItem = (id: string, note: string) => http.post<WorklistItem>(`/worklists/items/${id}/handle`, { note })
export const updateRule = (id: string, body: TUpdateRule) => http.put<WorklistRule>(`/worklists/rules/${id}`, body)
export const createRule = (body: TCreateRule) => http.post<WorklistRule>('/worklists/rules', body)
