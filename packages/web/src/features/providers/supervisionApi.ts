import { http, type Page } from '../../api/client'
import type { TOrderKpis as OrderKpis, TProviderDocument as ProviderDocument, TStarRating as StarRating } from '@yiyang/server/contract'
export type { OrderKpis, ProviderDocument, StarRating }

const enc = encodeURIComponent
export const supervisionKeys = {
  documents: (id: string) => ['providers', 'documents', id] as const,
  ratings: (id: string) => ['providers', 'star-ratings', id] as const,
  kpis: (q: { month: string; providerId?: string; regionCode?: string }) => ['orders', 'kpis', q] as const,
}

export const fetchDocuments = (id: string) => http.get<ProviderDocument[]>(`/providers/${enc(id)}/documents`)
export const documentUrl = (providerId: string, documentId: string) => `/api/v1/providers/${enc(providerId)}/documents/${enc(documentId)}`
export const deleteDocument = (providerId: string, documentId: string) =>
  http.delete<{ ok: true }>(`/providers/${enc(providerId)}/documents/${enc(documentId)}`)

/** Multipart upload; the server's Chinese message (size, type) comes back as the error. */
export async function uploadDocument(providerId: string, q: { kind: string; title: string }, file: File) {
  const form = new FormData()
  form.append('file', file, file.name)
  const qs = new URLSearchParams({ kind: q.kind, title: q.title })
  const res = await fetch(`/api/v1/providers/${enc(providerId)}/documents?${qs}`, { method: 'POST', body: form, credentials: 'same-origin' })
  const body = (await res.json().catch(() => ({}))) as { message?: string }
  if (!res.ok) throw new Error(body.message ?? '上传失败，请重试')
  return body as ProviderDocument
}

export const fetchStarRatings = (providerId: string) => http.get<Page<StarRating>>('/star-ratings', { providerId, pageSize: 24 })
export const runStarRating = (month: string) => http.post<{ jobId: string }>('/star-ratings/run', { month })
export const confirmStarRating = (id: string, version: number) => http.post<StarRating>(`/star-ratings/${enc(id)}/confirm`, { version })
export const adjustStarRating = (id: string, body: { stars: number; reason: string; version: number }) =>
  http.post<StarRating>(`/star-ratings/${enc(id)}/adjust`, body)
export const fetchKpis = (q: { month: string; providerId?: string; regionCode?: string }) => http.get<OrderKpis>('/orders/kpis', q)
