import { http, type AuditEntry, type AuditVerifyResult, type Page } from '../../api/client'

export type AuditQuery = {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  from?: string
  to?: string
  page: number
  pageSize: number
}

export const auditKeys = {
  list: (q: AuditQuery) => ['audit', 'list', q] as const,
}

export const fetchAudit = (q: AuditQuery) => http.get<Page<AuditEntry>>('/audit', { ...q })
export const verifyAuditChain = () => http.get<AuditVerifyResult>('/audit/verify')
