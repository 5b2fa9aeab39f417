import { CERTIFICATE_REMINDER_DAYS, addDays, certificateState, todayInShanghai } from '@yiyang/core'
import { and, asc, count, eq, lte } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { pageOffset, pageResult, type TPageQuery } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { caregiverWhere } from './providers.repo.js'
import { caregiverCertificates, caregivers, providers } from './providers.tables.js'

/** Expiry reminders: certificates expired or running out within 30 days, soonest first (a due list). */
export async function findDueCertificates(ctx: Ctx, q: TPageQuery) {
  requirePermission(ctx.actor, 'caregiver:read')
  const today = todayInShanghai(ctx.clock.now())
  const cond = and(caregiverWhere(ctx.actor), eq(caregivers.status, 'active'), lte(caregiverCertificates.expiresOn, addDays(today, CERTIFICATE_REMINDER_DAYS)))
  const base = ctx.db
    .select({ c: caregiverCertificates, caregiverName: caregivers.name, providerName: providers.name })
    .from(caregiverCertificates)
    .innerJoin(caregivers, eq(caregivers.id, caregiverCertificates.caregiverId))
    .leftJoin(providers, eq(providers.id, caregivers.providerId))
    .where(cond)
  const [rows, [total]] = await Promise.all([
    base.orderBy(asc(caregiverCertificates.expiresOn), caregiverCertificates.id).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(caregiverCertificates).innerJoin(caregivers, eq(caregivers.id, caregiverCertificates.caregiverId)).where(cond),
  ])
  return pageResult(
    rows.map((r) => ({
      id: r.c.id,
      number: r.c.number,
      level: r.c.level,
      skill: r.c.skill,
      expiresOn: r.c.expiresOn,
      state: certificateState(r.c.expiresOn, today),
      caregiverId: r.c.caregiverId,
      caregiverName: r.caregiverName,
      providerName: r.providerName,
    })),
    Number(total?.n ?? 0),
    q,
  )
}
