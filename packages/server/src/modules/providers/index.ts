export { providerExists } from './provider-exists.js'
export { DEMO_PROVIDER, seedProviders } from './seed-providers.js'
