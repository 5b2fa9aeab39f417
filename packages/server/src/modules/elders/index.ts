/**
 * What other modules may use from the elder registry. Import this file only, never the
 * tables or the repository.
 */
import type { TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule } from '../../platform/module.js'
import { eldersRoutes } from './elders.routes.js'
import { seedElders } from './seed-elders.js'
import { elderImportJob } from './run-elder-import.js'

export { elderEvents } from '@yiyang/core'
export { getElder as getElderDetailForActor, getElderForActor } from './get-elder.js'
export { activeEldersForSeed, elderContactPhones, elderPlace, eldersByPhone } from './elder-contacts.js'
export { applyAbilityLevel, setLastAssessment, type TApplyAbilityLevel } from './apply-ability-level.js'
export { elderStatusEvents } from './change-elder-status.js'
export {
  elderFactsForRules,
  eldersInScopeForRules,
  eligibilityFactsByIds,
  eligibilityFactsInScope,
  eligibilityFactsRelation,
  elderIdsInScopeRelation,
  countActiveEldersInScope,
  elderRuleFactsById,
  type TElderRuleFacts,
  type TElderEligibility,
} from './elder-facts.js'
export { getElderForService } from './elder-for-service.js'
export { elderSummariesByIds, type TElderSummary } from './elder-summaries.js'
export { elderStatusDates } from './elder-status-dates.js'
export { elderHomesInScope, type TElderHome } from './elder-homes.js'
export { eldersForCounter, elderForCounterById } from './elder-for-counter.js'

export const eldersModule: TApiModule = { name: 'elders', routes: eldersRoutes, seed: seedElders, jobs: [elderImportJob as TJobDefinition<never>] }
export { eldersByIdNumbers } from './elder-by-id-number.js'
export { checkImportFile as checkXlsxUpload } from './start-elder-import.js'
