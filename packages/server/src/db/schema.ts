// Every module's tables, for drizzle-kit and the typed client. Modules add their file here.
export * from '../modules/regions/regions.tables.js'
export * from '../modules/accounts/accounts.tables.js'
export * from '../modules/audit/audit.tables.js'
export * from '../modules/system/system.tables.js'
export * from '../modules/elders/elders.tables.js'
export * from '../modules/worklists/worklists.tables.js'
export * from '../modules/assessments/assessments.tables.js'
