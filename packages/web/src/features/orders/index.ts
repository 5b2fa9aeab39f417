export { OrdersPage } from './OrdersPage'
export { OrderDetailPage } from './OrderDetailPage'
export { CaregiverTodayPage } from './CaregiverTodayPage'
export { ComplaintsPage } from './ComplaintsPage'
