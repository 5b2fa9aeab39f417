export { appendAudit, verifyAuditChain, sanitizeForAudit } from './audit.js'
export type { TAuditEntry } from './audit.js'
export { auditRoutes } from './audit.routes.js'
