import { and, eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import type { TActor } from '../../platform/permissions.js'
import { scopeLike } from '../../platform/permissions.js'
import { like } from 'drizzle-orm'
import { elders } from './elders.tables.js'

type TContact = { name: string; relation?: string; phone: string; isGuardian?: boolean }

/**
 * The clear phone numbers of an elder's contacts, for a notice the platform sends (alarms:
 * family notice). Never for a screen; the caller has checked the alarm's scope and audits the notice.
 */
export async function elderContactPhones(ctx: Ctx, elderId: string): Promise<TContact[]> {
  const [row] = await ctx.db.select({ contactsEnc: elders.contactsEnc }).from(elders).where(eq(elders.id, elderId))
  if (!row?.contactsEnc) return []
  try {
    return JSON.parse(ctx.crypto.decrypt(row.contactsEnc)) as TContact[]
  } catch {
    return []
  }
}

/** Active elders in the actor's scope whose own phone is `phone` (exact, by keyed hash): the 12349 caller lookup. */
export async function eldersByPhone(ctx: Ctx, actor: TActor | null, phone: string) {
  const rows = await ctx.db
    .select({ id: elders.id, name: elders.name, regionCode: elders.regionCode })
    .from(elders)
    .where(
      and(
        eq(elders.phoneHash, ctx.crypto.lookupHash(phone)),
        eq(elders.status, 'active'),
        actor ? like(elders.regionCode, scopeLike(actor.scopePrefix)) : undefined,
      ),
    )
    .limit(5)
  return rows
}

/** An elder's region and status by id (the caller checks scope with the region). */
export async function elderPlace(ctx: Ctx, elderId: string) {
  const [row] = await ctx.db
    .select({ id: elders.id, name: elders.name, regionCode: elders.regionCode, status: elders.status })
    .from(elders)
    .where(eq(elders.id, elderId))
  return row ?? null
}

/** Active elders of a region prefix, in a stable order (demo data of other modules binds to them). */
export async function activeEldersForSeed(ctx: Ctx, prefix: string, limit = 5000) {
  return ctx.db
    .select({ id: elders.id, regionCode: elders.regionCode })
    .from(elders)
    .where(and(eq(elders.status, 'active'), like(elders.regionCode, scopeLike(prefix))))
    .orderBy(elders.regionCode, elders.idHash)
    .limit(limit)
}
