import { and, eq, inArray, like, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { scopeLike, type TActor, type TRole } from '../../platform/permissions.js'
import { users } from './accounts.tables.js'

/** What other modules may know about a user: no credentials, no phone. */
export type TUserBrief = { id: string; displayName: string; role: TRole; scopePrefix: string; isActive: boolean }

const brief = { id: users.id, displayName: users.displayName, role: users.role, scopePrefix: users.scopePrefix, isActive: users.isActive }

/** Users by id (unknown ids are simply absent). */
export async function getUsersBrief(db: DbOrTx, ids: string[]): Promise<Map<string, TUserBrief>> {
  if (ids.length === 0) return new Map()
  const rows = await db.select(brief).from(users).where(inArray(users.id, ids))
  return new Map(rows.map((r) => [r.id, { ...r, role: r.role as TRole }]))
}

/**
 * Active users of one role whose own scope lies inside `prefix` or covers it (e.g. the
 * assessors who can take a case in a community: the street's and the district's).
 */
export async function findActiveUsersByRole(db: DbOrTx, role: TRole, prefix: string): Promise<TUserBrief[]> {
  const rows = await db
    .select(brief)
    .from(users)
    .where(and(eq(users.role, role), eq(users.isActive, true), or(like(users.scopePrefix, scopeLike(prefix)), sql`${prefix} like ${users.scopePrefix} || '%'`)))
    .orderBy(users.displayName)
  return rows.map((r) => ({ ...r, role: r.role as TRole }))
}

/** An actor for seeds and background jobs that act as a given user (never for requests). */
export async function actorForUser(db: DbOrTx, userId: string): Promise<TActor | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId))
  if (!u || !u.isActive) return null
  return {
    userId: u.id,
    username: u.username,
    role: u.role as TRole,
    scopePrefix: u.scopePrefix,
    scopeRegionCode: u.scopeRegionCode,
    providerId: u.providerId,
    via: 'session',
  }
}
