/** The assessments feature's pages, for the router (the elder tab registers itself in elderTab.tsx). */
export { AssessmentsPage } from './AssessmentsPage'
export { AssessmentDetailPage } from './AssessmentDetailPage'
export { AssessmentFormPage } from './AssessmentFormPage'
export { AssessmentReportPage } from './AssessmentReportPage'
export { AssessmentStatsPage } from './AssessmentStatsPage'
export { DueListPage } from './DueListPage'
