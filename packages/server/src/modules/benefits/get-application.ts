import { and, asc, eq } from 'drizzle-orm'
import { maskPhone, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { auditLog } from '../../platform/audit.tables.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { getApplicationInScope, getProgramme } from './benefits.repo.js'
import { toApplicationDetail } from './benefits.mapper.js'
import { benefitObjections } from './benefits.tables.js'

type TObjectionRow = typeof benefitObjections.$inferSelect

/** Contact of an objector, masked like a phone number when it looks like one. */
export function maskContact(crypto: Ctx['crypto'], o: Pick<TObjectionRow, 'contactEnc'>) {
  const c = crypto.decrypt(o.contactEnc)
  return /^\+?[\d\s\-()]{7,}$/.test(c)
    ? maskPhone(c.replace(/[\s\-()]/g, ''))
    : c.replace(/^(.{2}).*(@.*)?$/, (_m, a: string, b?: string) => `${a}***${b ?? ''}`)
}

export const toObjection = (crypto: Ctx['crypto'], o: TObjectionRow) => ({
  id: o.id,
  applicationId: o.applicationId,
  name: o.name,
  contact: maskContact(crypto, o),
  reason: o.reason,
  evidence: o.evidence,
  status: o.status as 'open' | 'upheld' | 'dismissed',
  decisionNote: o.decisionNote,
  createdAt: o.createdAt.toISOString(),
  decidedAt: o.decidedAt ? o.decidedAt.toISOString() : null,
})

/** One application with its objections and its timeline (the audit rows of this case). */
export async function getApplication(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'benefit:read')
  const row = await getApplicationInScope(ctx.db, ctx.actor, id)
  const programme = await getProgramme(ctx.db, row.programmeCode)
  const today = todayInShanghai(ctx.clock.now())
  const cal = await loadWorkCalendar(ctx.db, today)
  const names = await regionNames(ctx.db, [row.regionCode])
  const objections = await ctx.db.select().from(benefitObjections).where(eq(benefitObjections.applicationId, id)).orderBy(asc(benefitObjections.createdAt))
  const audit = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'benefit_application'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.seq))
  const timeline = audit.map((a) => {
    const after = (a.after ?? {}) as Record<string, unknown>
    return {
      at: a.at.toISOString(),
      action: a.action,
      actorName: a.actorUsername,
      status: typeof after.status === 'string' ? after.status : null,
      note: ['reason', 'note', 'decisionNote'].map((k) => after[k]).find((v): v is string => typeof v === 'string') ?? null,
    }
  })
  return {
    ...toApplicationDetail(row, ctx.actor, programme, names.get(row.regionCode) ?? null, today, cal.isWorkingDay),
    objections: objections.map((o) => toObjection(ctx.crypto, o)),
    timeline,
    needsAssessment: programme.needsAssessment,
    homeVerification: programme.homeVerification,
  }
}
