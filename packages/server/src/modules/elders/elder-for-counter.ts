import { maskIdNumber, normalizeIdNumberText, normalizePhoneText } from '@yiyang/core'
import { and, eq, isNull, like, or, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { startsWithPattern } from '../../platform/list.js'
import { elders } from './elders.tables.js'

/**
 * The elders a service counter (助餐点) finds by what the elder shows: an ID number or a phone
 * number, typed or pasted in any width (core's normalisers), matched exactly by keyed hash, only
 * among active elders of the counter's service area (`prefixes`: level prefixes). The caller
 * has checked its permission and that the counter is its own; nothing else leaves this file
 * but what the counter shows (masked by the caller) and what the meal subsidy needs.
 */
export async function eldersForCounter(ctx: Ctx, input: { text: string; prefixes: readonly string[] }) {
  if (!input.prefixes.length) return []
  const id = normalizeIdNumberText(input.text)
  const phone = normalizePhoneText(input.text)
  const match: SQL[] = []
  if (/^\d{17}[\dX]$|^\d{15}$/.test(id)) match.push(eq(elders.idHash, ctx.crypto.lookupHash(id)))
  if (/^1\d{10}$|^0\d{9,11}$/.test(phone)) match.push(eq(elders.phoneHash, ctx.crypto.lookupHash(phone)))
  if (!match.length) return []
  const rows = await ctx.db
    .select({
      id: elders.id,
      name: elders.name,
      regionCode: elders.regionCode,
      idEnc: elders.idEnc,
      birthDate: elders.birthDate,
      sex: elders.sex,
      hukou: elders.hukou,
      categories: elders.categories,
      status: elders.status,
    })
    .from(elders)
    .where(
      and(
        or(...match),
        eq(elders.status, 'active'),
        isNull(elders.mergedInto),
        or(...input.prefixes.map((p) => like(elders.regionCode, startsWithPattern(p)))),
      ),
    )
    .orderBy(elders.id)
    .limit(5)
  return rows.map(({ idEnc, ...r }) => ({ ...r, idMasked: maskIdNumber(ctx.crypto.decrypt(idEnc)) }))
}

/** One elder by id for a counter step, under the same rules (active, in the service area), or null. */
export async function elderForCounterById(db: DbOrTx, input: { elderId: string; prefixes: readonly string[] }) {
  if (!input.prefixes.length) return null
  const [row] = await db
    .select({
      id: elders.id,
      name: elders.name,
      regionCode: elders.regionCode,
      birthDate: elders.birthDate,
      hukou: elders.hukou,
      categories: elders.categories,
      status: elders.status,
      addressEnc: elders.addressEnc,
      addressMasked: elders.addressMasked,
    })
    .from(elders)
    .where(and(eq(elders.id, input.elderId), isNull(elders.mergedInto), or(...input.prefixes.map((p) => like(elders.regionCode, startsWithPattern(p))))))
  return row ?? null
}
