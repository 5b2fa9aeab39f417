export { appendAudit, verifyAuditChain, sanitizeForAudit } from '../../platform/audit.js'
export type { TAuditEntry } from '../../platform/audit.js'
export { auditRoutes } from './audit.routes.js'
