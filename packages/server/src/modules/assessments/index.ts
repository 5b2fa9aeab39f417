/**
 * What other modules may use from the assessments module. Import this file only.
 * Events: assessment.scheduled, assessment.submitted, assessment.returned, assessment.objected,
 * assessment.effective ({ assessmentId, elderId, scale, finalLevel, effectiveDate,
 * previousAssessmentId, previousLevel }) and assessment.reassessment_due.
 */
import type { TApiModule } from '../../platform/module.js'
import { assessmentsRoutes } from './assessments.routes.js'
import { seedAssessments } from './seed-assessments.js'
import { subscribeElderStatus } from './on-elder-status.js'

export { assessmentEvents } from '@yiyang/core'
export { recordConditionChange } from './report-condition-change.js'
export { requestAssessment, type TRequestAssessment } from './request-assessment.js'
export { walkDemoAssessment } from './seed-assessments.js'

export const assessmentsModule: TApiModule = { name: 'assessments', routes: assessmentsRoutes, seed: seedAssessments, subscribe: subscribeElderStatus }
