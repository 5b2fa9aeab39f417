/**
 * What other modules may use from the providers module. Import this file only.
 * Events: provider.registered, provider.approved, provider.suspended, provider.closed ({ providerId }).
 */
import type { TApiModule } from '../../platform/module.js'
import { providersRoutes } from './providers.routes.js'
import { seedProviderDetails } from './seed-providers.js'
import { seedCanteens } from './seed-canteens.js'

export { providerEvents } from '@yiyang/core'
export { providerExists } from './provider-exists.js'
export { DEMO_PROVIDER, DEMO_CANTEEN, DEMO_PROVIDER_B, seedProviders } from './seed-providers.js'
export {
  caregiverForAssignment,
  caregiverIdOfUser,
  caregiverNames,
  caregiverProviders,
  caregiversForPlanning,
  checkedCaregiverIds,
  providerNames,
  providerRegionCode,
  providerServing,
} from './for-orders.js'
export { insertCreditRecord } from './add-credit-record.js'
export { skillOfCategory } from './skill-of-category.js'
export { serviceSites, type TServiceSite } from './service-sites.js'
export { caregiverCertification, providersForRating, setProviderStarRating } from './for-ratings.js'
export { canteenFacts, canteenSuppliers } from './for-meals.js'
export { DEMO_KITCHEN, DEMO_CANTEEN_B } from './seed-canteens.js'

export const providersModule: TApiModule = {
  name: 'providers',
  routes: providersRoutes,
  seed: async (ctx, tools) => {
    await seedProviderDetails(ctx, tools)
    await seedCanteens(ctx)
  },
}
