import { assignmentBlock, caregiverSkills } from '@yiyang/core'
import { and, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { levelPrefix } from '../../platform/list.js'
import { caregiverCertificates, caregivers, providers } from './providers.tables.js'

/**
 * What the orders module reads of providers and caregivers. The orders module has checked the
 * actor's permission and the order's scope; these answer facts, not access.
 */

/** An active provider serving the elder's community, or null (suspended, closed or not serving there). */
export async function providerServing(db: DbOrTx, providerId: string, regionCode: string) {
  const [p] = await db
    .select()
    .from(providers)
    .where(and(eq(providers.id, providerId), eq(providers.status, 'active')))
  if (!p) return null
  const code = levelPrefix(regionCode)
  const serves = p.serviceAreaPrefixes.length === 0 ? code.startsWith(levelPrefix(p.regionCode)) : p.serviceAreaPrefixes.some((a) => code.startsWith(a))
  return serves ? { id: p.id, name: p.name, kind: p.kind, serviceItems: p.serviceItems } : null
}

/** A caregiver's facts for assignment: background check and certificates. */
export async function caregiverForAssignment(db: DbOrTx, caregiverId: string) {
  const [c] = await db.select().from(caregivers).where(eq(caregivers.id, caregiverId))
  if (!c) return null
  const certs = await db
    .select({ skill: caregiverCertificates.skill, expiresOn: caregiverCertificates.expiresOn })
    .from(caregiverCertificates)
    .where(eq(caregiverCertificates.caregiverId, caregiverId))
  return { id: c.id, providerId: c.providerId, name: c.name, status: c.status, backgroundCheck: c.backgroundCheck, certificates: certs }
}

/** The caregiver record of a login (the phone page's "me"), or null. */
export async function caregiverIdOfUser(db: DbOrTx, userId: string): Promise<string | null> {
  const [c] = await db.select({ id: caregivers.id }).from(caregivers).where(eq(caregivers.userId, userId))
  return c?.id ?? null
}

export async function providerNames(db: DbOrTx, ids: (string | null)[]) {
  const u = [...new Set(ids.filter((x): x is string => !!x))]
  if (!u.length) return new Map<string, string>()
  const rows = await db.select({ id: providers.id, name: providers.name }).from(providers).where(inArray(providers.id, u))
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function caregiverNames(db: DbOrTx, ids: (string | null)[]) {
  const u = [...new Set(ids.filter((x): x is string => !!x))]
  if (!u.length) return new Map<string, string>()
  const rows = await db.select({ id: caregivers.id, name: caregivers.name }).from(caregivers).where(inArray(caregivers.id, u))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Active caregivers of a provider with a passed background check (demo seeding, dispatch candidates). */
export async function checkedCaregiverIds(db: DbOrTx, providerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: caregivers.id })
    .from(caregivers)
    .where(and(eq(caregivers.providerId, providerId), eq(caregivers.status, 'active'), eq(caregivers.backgroundCheck, 'passed')))
    .orderBy(caregivers.name)
  return rows.map((r) => r.id)
}

/** Where a provider is registered (its receivable account in the ledger is kept there). */
export async function providerRegionCode(db: DbOrTx, id: string): Promise<string | null> {
  const [p] = await db.select({ regionCode: providers.regionCode }).from(providers).where(eq(providers.id, id))
  return p?.regionCode ?? null
}

/**
 * Caregivers a daily plan may use (dispatch): active, background check passed, of these
 * providers, with the skills they hold a certificate for that is valid on the date (持证上岗);
 * a caregiver with no such certificate is left out.
 */
export async function caregiversForPlanning(db: DbOrTx, providerIds: string[], onDate: string) {
  if (providerIds.length === 0) return []
  const rows = await db
    .select()
    .from(caregivers)
    .where(and(inArray(caregivers.providerId, providerIds), eq(caregivers.status, 'active'), eq(caregivers.backgroundCheck, 'passed')))
    .orderBy(caregivers.name, caregivers.id)
  if (rows.length === 0) return []
  const certs = await db
    .select({ caregiverId: caregiverCertificates.caregiverId, skill: caregiverCertificates.skill, expiresOn: caregiverCertificates.expiresOn })
    .from(caregiverCertificates)
    .where(
      inArray(
        caregiverCertificates.caregiverId,
        rows.map((r) => r.id),
      ),
    )
  return rows
    .map((c) => {
      const mine = certs.filter((x) => x.caregiverId === c.id)
      const skills = caregiverSkills.filter((s) => assignmentBlock({ backgroundCheck: c.backgroundCheck, certificates: mine }, s, onDate) === null)
      return {
        id: c.id,
        name: c.name,
        providerId: c.providerId,
        userId: c.userId,
        skills,
        shiftText: c.shift,
        home: c.homeLat !== null && c.homeLng !== null ? { lat: c.homeLat, lng: c.homeLng } : null,
      }
    })
    .filter((c) => c.skills.length > 0)
}

/** Caregivers by id (names and providers for a plan's re-checks). */
export async function caregiverProviders(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const rows = await db.select({ id: caregivers.id, providerId: caregivers.providerId }).from(caregivers).where(inArray(caregivers.id, ids))
  return new Map(rows.map((r) => [r.id, r.providerId]))
}
