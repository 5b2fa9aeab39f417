/** The care-visit feature's pages, for the router. */
export { VisitPlansPage } from './VisitPlansPage'
export { VisitPhonePage } from './VisitPhonePage'
export { MyVisitsPage } from './MyVisitsPage'
export { VisitLedgerPage } from './VisitLedgerPage'
