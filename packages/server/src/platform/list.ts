import { like, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { parseRegionCode, regionPrefixLength } from '@yiyang/core'
import { scopeLike, type TActor } from './permissions.js'

/**
 * Lists: one page query, one page result, one LIKE escape and one region filter, so every list
 * in every module paginates, searches and narrows by region the same way.
 */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type TPageQuery = z.infer<typeof ZPageQuery>

/** Response schema of a page of `item`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number }

export const pageResult = <T>(items: T[], total: number, q: TPageQuery): TPage<T> => ({ items, total, page: q.page, pageSize: q.pageSize })
export const pageOffset = (q: TPageQuery) => (q.page - 1) * q.pageSize

/** Escapes LIKE wildcards in user text; PostgreSQL's default escape character is the backslash. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m)
export const containsPattern = (s: string) => `%${escapeLike(s)}%`
export const startsWithPattern = (s: string) => `${escapeLike(s)}%`

/** The region code's own level prefix (domain.md §2: never strip zeros, a level has a fixed length). */
export function levelPrefix(code: string): string {
  const info = parseRegionCode(code)
  return info.ok ? info.code.slice(0, regionPrefixLength[info.level]) : code
}

/**
 * The one region narrowing for lists, counts and statistics. Inside the actor's scope it is
 * the region's own prefix; a region that contains the scope (a worker asking for their own
 * street) leaves the scope as it is; a region outside the scope (or no such code) gives null,
 * and the caller answers with an empty result and no hint that the region exists.
 */
export function narrowPrefix(actor: TActor, regionCode: string | undefined | null): string | null {
  if (!regionCode) return actor.scopePrefix
  const prefix = levelPrefix(regionCode)
  if (!/^\d{2,12}$/.test(prefix)) return null
  if (prefix.startsWith(actor.scopePrefix)) return prefix
  if (actor.scopePrefix.startsWith(prefix)) return actor.scopePrefix
  return null
}

/** A LIKE pattern no region code matches (codes are digits only). */
const NOTHING = '-'

/** narrowPrefix as a LIKE pattern for raw SQL: outside the scope it matches nothing. */
export const regionLike = (actor: TActor, regionCode?: string | null): string => {
  const prefix = narrowPrefix(actor, regionCode)
  return prefix === null ? NOTHING : scopeLike(prefix)
}

/** The actor's scope, narrowed to a region when one is asked for, as a predicate on a region-code column. */
export const regionFilter = (column: PgColumn, actor: TActor, regionCode?: string | null): SQL => like(column, regionLike(actor, regionCode))

/** The actor's scope as a predicate on a region-code column. */
export const scopeFilter = (column: PgColumn, actor: TActor): SQL => like(column, scopeLike(actor.scopePrefix))
