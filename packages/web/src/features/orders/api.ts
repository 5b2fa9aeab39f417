import type { TOrderStatus } from '@yiyang/core'
import { http, type Page } from '../../api/client'
import { downloadFile } from '../elders/api'
import type { TOrderDetail as OrderDetail, TOrderSummary as OrderSummary, TRequestOrder as RequestOrderInput } from '@yiyang/server/contract'
export type { OrderDetail, OrderSummary, RequestOrderInput }

export type OrderQuery = { q?: string; status?: TOrderStatus; elderId?: string; dateFrom?: string; dateTo?: string; page: number; pageSize: number }

export const orderKeys = {
  all: ['orders'] as const,
  list: (q: OrderQuery) => ['orders', 'list', q] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  today: ['orders', 'today'] as const,
}

const enc = encodeURIComponent
export const fetchOrders = (q: OrderQuery) => http.get<Page<OrderSummary>>('/orders', { ...q })
export const fetchOrder = (id: string) => http.get<OrderDetail>(`/orders/${enc(id)}`)
export const fetchToday = () => http.get<OrderDetail[]>('/orders/today')
export const requestOrder = (input: RequestOrderInput) => http.post<OrderDetail>('/orders', input)

/** Path of each step on the server; body shapes per step. */
export const stepPaths = {
  accept: 'accept',
  assign: 'assign',
  reassign: 'reassign',
  depart: 'depart',
  checkIn: 'check-in',
  record: 'record',
  checkOut: 'check-out',
  resolve: 'resolve',
  confirm: 'confirm',
  settle: 'settle',
  cancel: 'cancel',
  noShow: 'no-show',
} as const
export type StepName = keyof typeof stepPaths
export const orderStep = (id: string, step: StepName, body: Record<string, unknown> = {}) =>
  http.post<OrderDetail>(`/orders/${enc(id)}/${stepPaths[step]}`, body)

/** POST, like every export: the month's settled orders per provider with subsidy and self-pay totals. */
export const downloadStatement = (month: string) => downloadFile('/orders/statement.xlsx', `服务商结算单-${month}.xlsx`, { month }, { post: true })
