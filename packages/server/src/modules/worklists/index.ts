import type { TApiModule } from '../../platform/module.js'
import type { Ctx } from '../../platform/context.js'
import { refreshWorklistsFor } from './refresh-worklists.js'
import { seedWorklistRules } from './seed-worklist-rules.js'
import { worklistsRoutes } from './worklists.routes.js'
import { subscribeElderMoved } from './on-elder-moved.js'

export { refreshWorklistsFor } from './refresh-worklists.js'

async function seed(ctx: Ctx) {
  await seedWorklistRules(ctx)
  await refreshWorklistsFor(ctx, '62')
}

export const worklistsModule: TApiModule = { name: 'worklists', routes: worklistsRoutes, seed, subscribe: subscribeElderMoved }
