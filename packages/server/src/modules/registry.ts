import type { TApiModule } from '../platform/module.js'
import { systemModule } from './system/index.js'
import { accountsModule } from './accounts/index.js'
import { regionsModule } from './regions/index.js'
import { auditModule } from './audit/index.js'
import { eldersModule } from './elders/index.js'
import { worklistsModule } from './worklists/index.js'
import { assessmentsModule } from './assessments/index.js'
import { providersModule } from './providers/index.js'
import { ordersModule } from './orders/index.js'
import { catalogModule } from './catalog/index.js'
import { benefitsModule } from './benefits/index.js'
import { visitsModule } from './visits/index.js'
import { disbursementModule } from './disbursement/index.js'
import { alarmsModule } from './alarms/index.js'
import { dispatchModule } from './dispatch/index.js'
import { serviceCircleModule } from './dispatch/service-circle.module.js'

/** Every module, in the order their routes register and their demo data is seeded. */
export const apiModules: TApiModule[] = [
  systemModule,
  accountsModule,
  regionsModule,
  auditModule,
  eldersModule,
  worklistsModule,
  assessmentsModule,
  catalogModule,
  benefitsModule,
  disbursementModule,
  providersModule,
  ordersModule,
  alarmsModule,
  visitsModule,
  dispatchModule,
  serviceCircleModule,
]
