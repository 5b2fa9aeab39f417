export { ProvidersPage } from './ProvidersPage'
export { CaregiversPage } from './CaregiversPage'
