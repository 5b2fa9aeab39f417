import { http, type Page } from '../../api/client'
import type {
  TBookInput,
  TFileHotlineInput,
  THotlineCallBackInput,
  THotlineCloseInput,
  THotlineDetail as HotlineDetail,
  THotlineItem as HotlineItem,
  THotlineStreamMessage as HotlineStreamMessage,
  TIntakeInput,
  TRouteInput,
} from '@yiyang/server/contract'
export type { HotlineDetail, HotlineItem, HotlineStreamMessage }

export interface HotlineQuery {
  q?: string
  status?: string
  category?: string
  overdue?: 'true'
  page: number
  pageSize: number
  [k: string]: string | number | undefined
}

export const hotlineKeys = {
  all: ['hotline'] as const,
  list: (q: HotlineQuery) => ['hotline', 'list', q] as const,
  detail: (id: string) => ['hotline', 'detail', id] as const,
}

const clean = (q: HotlineQuery) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>
const enc = encodeURIComponent
export const fetchHotlineCalls = (q: HotlineQuery) => http.get<Page<HotlineItem>>('/hotline/calls', clean(q))
export const fetchHotlineCall = (id: string) => http.get<HotlineDetail>(`/hotline/calls/${enc(id)}`)
export const fileHotlineCall = (body: TFileHotlineInput) => http.post<HotlineDetail>('/hotline/calls', body)
export const takeHotlineCall = (id: string, body: TIntakeInput) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/intake`, body)
export const routeHotlineCall = (id: string, body: TRouteInput) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/route`, body)
export const bookHotlineService = (id: string, body: TBookInput) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/book`, body)
export const raiseHotlineAlarm = (id: string, note: string) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/raise-alarm`, { note })
export const replyHotlineCall = (id: string, note: string) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/reply`, { note })
export const callBackHotline = (id: string, body: THotlineCallBackInput) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/call-back`, body)
export const closeHotlineCall = (id: string, body: THotlineCloseInput) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/close`, body)
export const dropHotlineCall = (id: string, note: string) => http.post<HotlineDetail>(`/hotline/calls/${enc(id)}/drop`, { note })
