/**
 * 12349 hotline and device alarms (issue 21). Other modules may use what this file exports.
 */
import type { TJobDefinition } from '../../platform/jobs.js'
import type { TApiModule } from '../../platform/module.js'
import { alarmsRoutes } from './alarms.routes.js'
import { escalateAlarmJob } from './escalate-alarm.js'
import { startMqtt } from './mqtt-service.js'
import { heartbeatCheckJob, scheduleHeartbeatCheck } from './check-heartbeats.js'
import type { TServiceDeps } from '../../platform/module.js'
import { seedAlarms } from './seed-alarms.js'

export { alarmEvents } from '@yiyang/core'
export { signWebhook } from './webhook-signature.js'
export { deviceKey } from './mqtt-service.js'
export { raiseStaffAlarm, type TRaiseStaffAlarm } from './raise-staff-alarm.js'

export const alarmsModule: TApiModule = {
  name: 'alarms',
  routes: alarmsRoutes,
  seed: seedAlarms,
  jobs: [escalateAlarmJob as TJobDefinition<never>, heartbeatCheckJob as TJobDefinition<never>],
  start: startAlarms,
}

/** When the app is ready: the periodic heartbeat check (a durable timer, scheduled once per slot) and the MQTT ingest. */
async function startAlarms(deps: TServiceDeps) {
  await scheduleHeartbeatCheck({
    db: deps.database.db,
    actor: null,
    requestId: 'heartbeat-check',
    ip: 'local',
    clock: deps.clock,
    config: deps.config,
    crypto: deps.crypto,
    events: deps.events,
  })
  return startMqtt(deps)
}
