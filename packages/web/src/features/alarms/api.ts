import { http, type Page } from '../../api/client'
import { downloadFile, uploadXlsx } from '../elders/api'

// Response and request shapes from the server's zod schemas (type-only import).
import type {
  TAlarmDetail as AlarmDetail,
  TAlarmItem as AlarmItem,
  TAlarmStreamMessage as AlarmStreamMessage,
  TCallBackInput,
  TCloseAlarmInput,
  TDevice as Device,
  TDispatchInput,
  TResponder as Responder,
} from '@yiyang/server/contract'
export type { AlarmDetail, AlarmItem, AlarmStreamMessage, Device, Responder }

export interface AlarmQuery {
  deviceSerial?: string
  status?: string
  type?: string
  from?: string
  to?: string
  queue?: 'true'
  page: number
  pageSize: number
}

export interface AlarmStats {
  total: number
  byType: { key: string; count: number }[]
  byStreet: { key: string; count: number }[]
  claimSeconds: { median: number | null; p90: number | null }
  closeSeconds: { median: number | null; p90: number | null }
  falseAlarmRate: number | null
  devices: { total: number; offline: number }
  rejections: { key: string; count: number }[]
  calls: {
    total: number
    byCategory: { key: string; count: number }[]
    byStreet: { key: string; count: number }[]
    bySatisfaction: { key: string; count: number }[]
    satisfiedRate: number | null
  }
}
export type StatsQuery = { from?: string; to?: string }

export const alarmKeys = {
  all: ['alarms'] as const,
  list: (q: AlarmQuery) => ['alarms', 'list', q] as const,
  detail: (id: string) => ['alarms', 'detail', id] as const,
  responders: (id: string) => ['alarms', 'responders', id] as const,
  stats: (q: StatsQuery = {}) => ['alarms', 'stats', q] as const,
  assigned: ['alarms', 'assigned'] as const,
  devices: (q: object) => ['alarms', 'devices', q] as const,
}

export const fetchAlarms = (q: AlarmQuery) => http.get<Page<AlarmItem>>('/alarms', q as unknown as Record<string, string | number>)
export const fetchAlarm = (id: string) => http.get<AlarmDetail>(`/alarms/${id}`)
export const fetchResponderView = (id: string) => http.get<AlarmDetail>(`/alarms/${id}/responder-view`)
export const fetchResponders = (id: string) => http.get<{ items: Responder[] }>(`/alarms/${id}/responders`)
export const fetchStats = (q: StatsQuery = {}) => http.get<AlarmStats>('/alarms/stats', q as Record<string, string>)
/** POST, audited, like every export. */
export const downloadAlarmStats = (q: StatsQuery) => downloadFile('/alarms/stats.xlsx', '报警与热线统计.xlsx', q, { post: true })
export const fetchAssigned = () => http.get<{ items: AlarmItem[] }>('/alarms/assigned')
export const fetchDevices = (q: { q?: string; offline?: 'true'; page: number; pageSize: number }) =>
  http.get<Page<Device>>('/devices', q as unknown as Record<string, string | number>)
export const claimAlarm = (id: string) => http.post<AlarmDetail>(`/alarms/${id}/claim`)
export const callBack = (id: string, body: TCallBackInput) => http.post<AlarmDetail>(`/alarms/${id}/call-back`, body)
export const dispatchAlarm = (id: string, body: TDispatchInput) => http.post<AlarmDetail>(`/alarms/${id}/dispatch`, body)
export const notifyFamily = (id: string, message: string) => http.post<{ sent: number; failed: number }>(`/alarms/${id}/notify-family`, { message })
export const closeAlarm = (id: string, body: TCloseAlarmInput) => http.post<AlarmDetail>(`/alarms/${id}/close`, body)
export const responderStep = (id: string, step: 'accept' | 'arrive' | 'finish', note = '') => http.post<AlarmDetail>(`/alarms/${id}/${step}`, { note })

/** The live stream's address on this origin (the session cookie goes with it). */
export const streamUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/alarms/stream`

export type DeviceImportResult = { imported: number; errors: { row: number; column: string; message: string }[] }
export const importDevices = (file: File) => uploadXlsx<DeviceImportResult>('/devices/import', file)
export const downloadDeviceTemplate = () => downloadFile('/devices/import-template', '设备导入模板.xlsx')
