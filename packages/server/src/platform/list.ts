import { sql, type SQL } from 'drizzle-orm'
import { like } from 'drizzle-orm'
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
 * The one region filter for lists. Inside the actor's scope it narrows to the region; a region
 * that contains the scope (a worker asking for their own street) leaves the scope as it is; a
 * region outside the scope gives an empty result with no hint that the region exists.
 */
export function regionFilter(column: PgColumn, actor: TActor, regionCode: string | undefined | null): SQL | undefined {
  if (!regionCode) return undefined
  const prefix = levelPrefix(regionCode)
  if (!/^\d{2,12}$/.test(prefix)) return sql`false`
  if (prefix.startsWith(actor.scopePrefix)) return like(column, scopeLike(prefix))
  if (actor.scopePrefix.startsWith(prefix)) return undefined
  return sql`false`
}

/** The actor's scope as a predicate on a region-code column. */
export const scopeFilter = (column: PgColumn, actor: TActor): SQL => like(column, scopeLike(actor.scopePrefix))
