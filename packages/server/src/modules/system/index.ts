import type { TApiModule } from '../../platform/module.js'
import { systemRoutes } from './system.routes.js'

export const systemModule: TApiModule = { name: 'system', routes: systemRoutes }
