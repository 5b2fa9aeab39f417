export { MealCounterPage } from './MealCounterPage'
export { MealStatsPage } from './MealStatsPage'
export { OrderFlagsPage } from './OrderFlagsPage'
