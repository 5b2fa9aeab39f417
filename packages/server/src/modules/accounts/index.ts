export { accountsRoutes } from './accounts.routes.js'
export { authenticate, SESSION_COOKIE } from './authenticate.js'
export { hashPassword, passwordWeakness } from './password.js'
export { countDemoPasswordUsers } from './demo-passwords.js'
export { actorForUser, findActiveUsersByRole, getUsersBrief, type TUserBrief } from './user-directory.js'

import type { TApiModule } from '../../platform/module.js'
import { accountsRoutes as routes } from './accounts.routes.js'
export const accountsModule: TApiModule = { name: 'accounts', routes }
