export { accountsRoutes } from './accounts.routes.js'
export { authenticate, SESSION_COOKIE } from './authenticate.js'
export { hashPassword, passwordWeakness } from './password.js'
export { actorForUser, findActiveUsersByRole, getUsersBrief, type TUserBrief } from './user-directory.js'
