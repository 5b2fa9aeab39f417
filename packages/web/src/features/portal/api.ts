import { http } from '../../api/client'
import type { TDirectoryEntry, TPublicCatalog as PublicCatalog, TPublicCatalogRegions } from '@yiyang/server/contract'
export type { PublicCatalog }

export interface PublicCatalogQuery {
  regionCode?: string
  q?: string
  category?: string
  page: number
  pageSize: number
}

export const portalKeys = {
  catalog: (q: PublicCatalogQuery) => ['portal', 'catalog', q] as const,
  regions: ['portal', 'catalog-regions'] as const,
}

export const fetchPublicCatalog = (q: PublicCatalogQuery) => http.get<PublicCatalog>('/public/catalog', q as unknown as Record<string, string | number>)
export const fetchPublicRegions = () => http.get<TPublicCatalogRegions>('/public/catalog/regions')

export type DirectoryEntry = TDirectoryEntry
export const directoryKey = ['portal', 'directory'] as const
export const fetchDirectory = () => http.get<TDirectoryEntry[]>('/providers/directory')
