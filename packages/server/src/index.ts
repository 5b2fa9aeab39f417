export { buildApp } from './app.js'
export type { TAppDeps } from './app.js'
export { loadConfig } from './platform/config.js'
export { openPglite, openPostgres } from './db/client.js'
