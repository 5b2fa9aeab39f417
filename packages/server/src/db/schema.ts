// Every module's tables, for drizzle-kit and the typed client. Modules add their file here.
export * from '../modules/regions/regions.tables.js'
export * from '../modules/accounts/accounts.tables.js'
export * from '../platform/audit.tables.js'
export * from '../platform/outbox.tables.js'
export * from '../platform/jobs.tables.js'
export * from '../modules/elders/elders.tables.js'
export * from '../modules/worklists/worklists.tables.js'
export * from '../modules/assessments/assessments.tables.js'
