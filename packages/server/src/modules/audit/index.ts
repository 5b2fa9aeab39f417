export { appendAudit, verifyAuditChain, sanitizeForAudit } from '../../platform/audit.js'
export type { TAuditEntry } from '../../platform/audit.js'
export { auditRoutes } from './audit.routes.js'

import type { TApiModule } from '../../platform/module.js'
import { auditRoutes as routes } from './audit.routes.js'
export const auditModule: TApiModule = { name: 'audit', routes }
