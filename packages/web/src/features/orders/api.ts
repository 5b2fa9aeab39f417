import type { TOrderStatus } from '@yiyang/core'
import { ApiError, http, type Page } from '../../api/client'
import { downloadFile } from '../elders/api'
import type {
  TOrderDetail as OrderDetail,
  TOrderPhoto as OrderPhoto,
  TOrderSummary as OrderSummary,
  TRequestOrder as RequestOrderInput,
} from '@yiyang/server/contract'
export type { OrderDetail, OrderPhoto, OrderSummary, RequestOrderInput }

export type OrderQuery = { q?: string; status?: TOrderStatus; elderId?: string; dateFrom?: string; dateTo?: string; page: number; pageSize: number }

export const orderKeys = {
  all: ['orders'] as const,
  list: (q: OrderQuery) => ['orders', 'list', q] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  today: ['orders', 'today'] as const,
  photos: (id: string) => ['orders', 'photos', id] as const,
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

/** Service record photos of an order, and the address of one (the browser sends the session cookie). */
export const fetchPhotos = (id: string) => http.get<OrderPhoto[]>(`/orders/${enc(id)}/photos`)
export const photoUrl = (orderId: string, photoId: string) => `/api/v1/orders/${enc(orderId)}/photos/${enc(photoId)}`

/**
 * Multipart upload of one record photo. The same idempotency key is one photo on the server, so a
 * resend after a lost answer is safe. A dead network is `ApiError` status 0, like every other call,
 * so the offline queue keeps it; the server's Chinese message (size, type, state) comes back otherwise.
 */
export async function uploadPhoto(orderId: string, idempotencyKey: string, photo: Blob): Promise<OrderPhoto> {
  const form = new FormData()
  form.append('file', photo, photo.type === 'image/png' ? 'photo.png' : 'photo.jpg')
  const qs = new URLSearchParams({ idempotencyKey })
  let res: Response
  try {
    res = await fetch(`/api/v1/orders/${enc(orderId)}/photos?${qs}`, { method: 'POST', body: form, credentials: 'same-origin' })
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络连接后重试。' })
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string; code?: string }
  if (!res.ok) throw new ApiError({ status: res.status, code: body.code ?? 'UPLOAD_FAILED', message: body.message ?? '照片上传失败，请重试' })
  return body as OrderPhoto
}
