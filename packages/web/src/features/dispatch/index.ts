export { DispatchPage } from './DispatchPage'
export { ServiceCirclePage } from './ServiceCirclePage'
