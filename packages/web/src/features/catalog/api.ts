import { http, type Page } from '../../api/client'
import { downloadFile } from '../elders/api'

// Response and request shapes from the server's zod schemas (type-only import).
import type { TCatalogDiff as CatalogDiff, TCatalogEdition as CatalogEdition, TCatalogItem as CatalogItem, TCatalogItemInput } from '@yiyang/server/contract'
export type { CatalogDiff, CatalogEdition, CatalogItem }
export type CatalogItemInput = TCatalogItemInput

export interface EditionQuery {
  q?: string
  status?: string
  page: number
  pageSize: number
}
export interface ItemQuery {
  q?: string
  category?: string
  withRemoved?: 'true'
  page: number
  pageSize: number
}

export const catalogKeys = {
  all: ['catalog'] as const,
  editions: (q: EditionQuery) => ['catalog', 'editions', q] as const,
  edition: (id: string) => ['catalog', 'edition', id] as const,
  items: (id: string, q: ItemQuery) => ['catalog', 'items', id, q] as const,
  diff: (from: string, to: string) => ['catalog', 'diff', from, to] as const,
}

export const fetchEditions = (q: EditionQuery) => http.get<Page<CatalogEdition>>('/catalog/editions', q as unknown as Record<string, string | number>)
export const fetchEdition = (id: string) => http.get<CatalogEdition>(`/catalog/editions/${id}`)
export const fetchItems = (id: string, q: ItemQuery) =>
  http.get<Page<CatalogItem>>(`/catalog/editions/${id}/items`, q as unknown as Record<string, string | number>)
export const createEdition = (body: { year: number; basedOnId?: string; regionCode?: string; title?: string; note?: string }) =>
  http.post<CatalogEdition>('/catalog/editions', body)
export const addItem = (id: string, body: CatalogItemInput) => http.post<CatalogItem>(`/catalog/editions/${id}/items`, body)
export const updateItem = (id: string, code: string, body: Omit<CatalogItemInput, 'code'>) =>
  http.put<CatalogItem>(`/catalog/editions/${id}/items/${encodeURIComponent(code)}`, body)
export const removeItem = (id: string, code: string, reason: string) =>
  http.post<{ ok: true }>(`/catalog/editions/${id}/items/${encodeURIComponent(code)}/remove`, { reason })
export const publishEdition = (id: string, effectiveDate: string, version: number) =>
  http.post<CatalogEdition>(`/catalog/editions/${id}/publish`, { effectiveDate, version })
export const discardEdition = (id: string, version: number) => http.post<CatalogEdition>(`/catalog/editions/${id}/discard`, { version })
export const fetchDiff = (from: string, to: string) => http.get<CatalogDiff>('/catalog/diff', { from, to })
export const downloadEdition = (e: CatalogEdition) => downloadFile(`/catalog/editions/${e.id}/export.xlsx`, `${e.title}.xlsx`, {}, { post: true })
