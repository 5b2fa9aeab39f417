import { and, asc, eq, inArray, like } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { regions } from './regions.tables.js'

export type TRegionRow = typeof regions.$inferSelect
export type TRegionNode = { code: string; name: string; level: TRegionRow['level']; isDemoCode: boolean; children: TRegionNode[] }

export async function getRegion(db: DbOrTx, code: string): Promise<TRegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code))
  return row
}

export async function regionNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)].filter(Boolean)
  if (unique.length === 0) return new Map()
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, unique))
  return new Map(rows.map((r) => [r.code, r.name]))
}

/** All regions inside the actor's scope (the scope region itself and its descendants). */
export async function regionsInScope(db: DbOrTx, actor: TActor): Promise<TRegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(like(regions.code, scopeLike(actor.scopePrefix)))
    .orderBy(asc(regions.code))
}

export function buildTree(rows: TRegionRow[]): TRegionNode[] {
  const nodes = new Map<string, TRegionNode>()
  for (const r of rows) nodes.set(r.code, { code: r.code, name: r.name, level: r.level, isDemoCode: r.isDemoCode, children: [] })
  const roots: TRegionNode[] = []
  for (const r of rows) {
    const node = nodes.get(r.code)!
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Regions of one level under a prefix (e.g. every village of a street), in code order. */
export async function regionsOfLevel(
  db: DbOrTx,
  level: TRegionRow['level'],
  prefix = '',
): Promise<Pick<TRegionRow, 'code' | 'name' | 'level' | 'parentCode'>[]> {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .where(and(eq(regions.level, level), prefix ? like(regions.code, scopeLike(prefix)) : undefined))
    .orderBy(asc(regions.code))
}
