import { CERTIFICATE_REMINDER_DAYS, addDays, todayInShanghai } from '@yiyang/core'
import { and, asc, count, eq, inArray, like, sql, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { containsPattern, pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { toCaregiverSummary } from './providers.mapper.js'
import { caregiverWhere } from './providers.repo.js'
import type { TFindCaregivers } from './providers.schemas.js'
import { caregiverCertificates, caregivers, providers } from './providers.tables.js'

export async function findCaregivers(ctx: Ctx, q: TFindCaregivers) {
  requirePermission(ctx.actor, 'caregiver:read')
  const today = todayInShanghai(ctx.clock.now())
  const soon = addDays(today, CERTIFICATE_REMINDER_DAYS)
  const where: (SQL | undefined)[] = [caregiverWhere(ctx.actor), eq(caregivers.status, 'active')]
  if (q.providerId) where.push(eq(caregivers.providerId, q.providerId))
  if (q.q) where.push(like(caregivers.name, containsPattern(q.q)))
  // By the best certificate: "expired" means no valid one left, "expiring" the best runs out within the window.
  const best = sql`(select max(c.expires_on) from caregiver_certificates c where c.caregiver_id = ${caregivers.id})`
  if (q.certificate === 'none') where.push(sql`${best} is null`)
  if (q.certificate === 'expired') where.push(sql`${best} < ${today}`)
  if (q.certificate === 'expiring') where.push(sql`${best} between ${today} and ${soon}`)
  const cond = and(...where)
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(caregivers).where(cond).orderBy(asc(caregivers.name), caregivers.id).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(caregivers).where(cond),
  ])
  const ids = rows.map((r) => r.id)
  const [certs, provs] = ids.length
    ? await Promise.all([
        ctx.db.select().from(caregiverCertificates).where(inArray(caregiverCertificates.caregiverId, ids)).orderBy(asc(caregiverCertificates.expiresOn)),
        ctx.db
          .select({ id: providers.id, name: providers.name })
          .from(providers)
          .where(
            inArray(
              providers.id,
              rows.map((r) => r.providerId),
            ),
          ),
      ])
    : [[], []]
  const pname = new Map(provs.map((p) => [p.id, p.name]))
  return pageResult(
    rows.map((r) =>
      toCaregiverSummary(
        r,
        certs.filter((c) => c.caregiverId === r.id),
        pname.get(r.providerId) ?? null,
        ctx.clock.now(),
      ),
    ),
    Number(total?.n ?? 0),
    q,
  )
}
