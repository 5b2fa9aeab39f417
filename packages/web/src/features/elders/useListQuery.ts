import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { ElderQuery } from './api'

const DEFAULTS: ElderQuery = { page: 1, pageSize: 20, sort: 'createdAt', order: 'desc' }

/** The elder list's filters live in the address bar, so a view can be bookmarked and shared. */
export function useElderListQuery(): [ElderQuery, (next: Partial<ElderQuery>) => void, () => void] {
  const [params, setParams] = useSearchParams()
  const query = useMemo(() => {
    const q: Record<string, string | number> = { ...DEFAULTS }
    params.forEach((v, k) => {
      if (!v) return
      q[k] = k === 'page' || k === 'pageSize' ? Math.max(1, Number(v) || 1) : v
    })
    return q as unknown as ElderQuery
  }, [params])
  const write = useCallback(
    (q: Partial<ElderQuery>) => {
      const next = new URLSearchParams()
      for (const [k, v] of Object.entries(q)) {
        if (v === undefined || v === '' || v === (DEFAULTS as unknown as Record<string, unknown>)[k]) continue
        next.set(k, String(v))
      }
      setParams(next, { replace: true })
    },
    [setParams],
  )
  const patch = useCallback((next: Partial<ElderQuery>) => write({ ...query, ...next, ...('page' in next ? {} : { page: 1 }) }), [query, write])
  const reset = useCallback(() => write({ pageSize: query.pageSize }), [query.pageSize, write])
  return [query, patch, reset]
}

export type SavedView = { name: string; query: Partial<ElderQuery> }
const VIEWS_KEY = 'yy.elders.views'

/** Saved views are per browser (localStorage): a name and the filters. */
export function loadViews(): SavedView[] {
  try {
    const v = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? '[]') as SavedView[]
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}
export function storeViews(views: SavedView[]) {
  localStorage.setItem(VIEWS_KEY, JSON.stringify(views.slice(0, 30)))
}
