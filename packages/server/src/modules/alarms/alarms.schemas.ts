import { alarmOutcomes, alarmStatuses, callBackResults, deviceEventTypes, deviceKinds } from '@yiyang/core'
import { z } from 'zod'
import { ZPageQuery } from '../../platform/list.js'

/** The device message (MQTT payload; the webhook adds `serial`). Fixed interface: issue 21. */
export const ZDeviceEvent = z.object({
  eventId: z.string().trim().min(1, '缺少事件编号').max(128, '事件编号过长'),
  type: z.enum(deviceEventTypes, { message: '事件类型不正确' }),
  time: z.iso.datetime({ offset: true, message: '时间须为 ISO-8601 格式' }),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  battery: z.number().int().min(0).max(100).optional(),
})
export type TDeviceEvent = z.infer<typeof ZDeviceEvent>
export const ZSerial = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '设备编号只能包含字母、数字、点、下划线和短横线')
export const ZWebhookEvent = ZDeviceEvent.extend({ serial: ZSerial })

/** An alarm as the list and the live stream carry it (fixed fields), plus what the console shows. */
export const ZAlarmItem = z.object({
  id: z.string(),
  deviceSerial: z.string(),
  eventId: z.string(),
  type: z.string(),
  elderId: z.string().nullable(),
  regionCode: z.string(),
  status: z.enum(alarmStatuses),
  receivedAt: z.string(),
  source: z.string(),
  eventTime: z.string(),
  version: z.number(),
  elderName: z.string().nullable(),
  regionName: z.string().nullable(),
  claimedBy: z.string().nullable(),
  claimedByName: z.string().nullable(),
  claimedAt: z.string().nullable(),
  responderName: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  escalationLevel: z.number(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  battery: z.number().nullable(),
})
export type TAlarmItem = z.infer<typeof ZAlarmItem>

const csv = (v: unknown) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v)
export const ZFindAlarms = ZPageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  deviceSerial: z.string().trim().max(64).optional(),
  status: z.preprocess(csv, z.array(z.enum(alarmStatuses))).optional(),
  type: z.string().max(32).optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** The console queue: open alarms, oldest unhandled first. */
  queue: z.enum(['true', 'false']).optional(),
})
export type TFindAlarms = z.infer<typeof ZFindAlarms>

export const ZAlarmAction = z.object({
  kind: z.string(),
  result: z.string().nullable(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
})

export const ZElderCard = z
  .object({
    id: z.string(),
    name: z.string(),
    age: z.number(),
    sex: z.string(),
    idNumber: z.string(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    regionName: z.string().nullable(),
    livingArrangement: z.string(),
    categories: z.array(z.string()),
    chronicConditions: z.array(z.string()),
    contacts: z.array(z.object({ name: z.string(), relation: z.string().optional(), phone: z.string(), isGuardian: z.boolean().optional() })),
    familyDoctorName: z.string().nullable(),
    abilityLevel: z.number().nullable(),
  })
  .nullable()

export const ZAlarmDetail = ZAlarmItem.extend({
  device: z
    .object({ kind: z.string(), model: z.string(), simLast4: z.string().nullable(), battery: z.number().nullable(), lastHeartbeatAt: z.string().nullable() })
    .nullable(),
  elder: ZElderCard,
  actions: z.array(ZAlarmAction),
  recentAlarms: z.array(z.object({ id: z.string(), type: z.string(), receivedAt: z.string(), outcome: z.string().nullable() })),
  acceptedAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  responderId: z.string().nullable(),
})

export const ZVersion = z.object({ version: z.number().int().min(1).optional() })
export const ZCallBack = ZVersion.extend({
  result: z.enum(callBackResults, { message: '请选择回拨结果' }),
  note: z.string().trim().max(500).default(''),
})
export const ZDispatch = ZVersion.extend({ responderId: z.uuid({ message: '请选择响应人' }), note: z.string().trim().max(500).default('') })
export const ZResponderStep = ZVersion.extend({ note: z.string().trim().max(500).default('') })
export const ZClose = ZVersion.extend({
  outcome: z.enum(alarmOutcomes, { message: '请选择处置结果' }),
  note: z.string().trim().min(2, '请填写处置说明').max(1000),
})
export const ZNotifyFamily = z.object({ message: z.string().trim().min(2, '请填写通知内容').max(200) })

export const ZDevice = z.object({
  id: z.string(),
  serial: z.string(),
  kind: z.enum(deviceKinds),
  model: z.string(),
  vendor: z.string(),
  simLast4: z.string().nullable(),
  elderId: z.string().nullable(),
  elderName: z.string().nullable(),
  regionCode: z.string(),
  boundFrom: z.string().nullable(),
  boundTo: z.string().nullable(),
  battery: z.number().nullable(),
  lastHeartbeatAt: z.string().nullable(),
  offline: z.boolean(),
  /** When the heartbeat check marked the device offline (a heartbeat_lost alarm was raised then). */
  offlineSince: z.string().nullable(),
  version: z.number(),
})
export const ZFindDevices = ZPageQuery.extend({
  q: z.string().trim().max(64).optional(),
  offline: z.enum(['true', 'false']).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
})
export type TFindDevices = z.infer<typeof ZFindDevices>
export const ZRegisterDevice = z.object({
  serial: ZSerial,
  kind: z.enum(deviceKinds, { message: '请选择设备类型' }),
  model: z.string().trim().max(60).default(''),
  vendor: z.string().trim().max(32).default('demo'),
  sim: z
    .string()
    .regex(/^1\d{10}$/, '请填写11位手机号')
    .optional(),
  elderId: z.uuid({ message: '请选择老人' }),
  boundFrom: z.iso.date({ message: '日期格式不正确' }).optional(),
})

export const ZResponder = z.object({ id: z.string(), displayName: z.string(), role: z.string() })

export const ZDeviceImportResult = z.object({
  imported: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
})
