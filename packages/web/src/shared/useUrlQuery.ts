import { useCallback, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router-dom'

type Plain = string | number | boolean | undefined

/**
 * List filters and paging kept in the address bar, so a filtered page can be bookmarked,
 * shared with a colleague, and survives the back button. `defaults` gives the shape:
 * numbers and booleans are parsed back to their type, everything else stays a string.
 */
export function useUrlQuery<T extends Record<string, Plain>>(initialDefaults: T): [T, (next: Partial<T>, opts?: { keepPage?: boolean }) => void, () => void] {
  const [params, setParams] = useSearchParams()
  // Callers pass a fresh literal on every render that never changes in meaning: keep the first
  // one, so the memos below change with the address bar only.
  const [defaults] = useState(initialDefaults)

  const query = useMemo(() => {
    const out: Record<string, Plain> = { ...defaults }
    params.forEach((raw, key) => {
      const def = defaults[key]
      if (typeof def === 'number') {
        const n = Number(raw)
        if (Number.isFinite(n) && n > 0) out[key] = n
      } else if (key.startsWith('is') || typeof def === 'boolean') {
        if (raw === 'true' || raw === 'false') out[key] = raw === 'true'
      } else if (raw) {
        out[key] = raw
      }
    })
    return out as T
  }, [params, defaults])

  const write = useCallback(
    (values: Record<string, Plain>) => {
      const next = new URLSearchParams()
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined || v === '' || v === defaults[k]) continue
        next.set(k, String(v))
      }
      setParams(next, { replace: true })
    },
    [setParams, defaults],
  )

  /** Merge changes; any filter change goes back to page 1 unless told otherwise. */
  const update = useCallback(
    (next: Partial<T>, opts?: { keepPage?: boolean }) => {
      const merged: Record<string, Plain> = { ...query, ...next }
      if (!opts?.keepPage && !('page' in next) && 'page' in defaults) merged.page = 1
      write(merged)
    },
    [query, write, defaults],
  )

  const reset = useCallback(() => write({ pageSize: query.pageSize } as Record<string, Plain>), [query, write])

  return [query, update, reset]
}
