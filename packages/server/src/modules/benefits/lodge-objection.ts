import { and, eq } from 'drizzle-orm'
import { benefitEvents, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { AppError } from '../../platform/errors.js'
import { recordEvent } from '../../platform/outbox.js'
import { applicationStep, getProgramme } from './benefits.repo.js'
import type { TLodgeObjection } from './benefits.schemas.js'
import { benefitApplications, benefitObjections } from './benefits.tables.js'

/** The contact as the one-per-contact guard sees it: digits of a phone, lower-case otherwise. */
export const normaliseContact = (c: string) => {
  const digits = c.replace(/[\s\-()+]/g, '')
  return /^\d{7,}$/.test(digits) ? digits.replace(/^86(?=1\d{10}$)/, '') : c.trim().toLowerCase()
}

/**
 * Anyone may object to an open 公示 (no login; rate-limited by IP at the route). One objection
 * per contact per case; the first open objection pauses the case (objection_review). The
 * request is taken as the public's, never as a signed-in user's.
 */
export async function lodgeObjection(ctxIn: Ctx, applicationId: string, input: TLodgeObjection) {
  const ctx: Ctx = { ...ctxIn, actor: null }
  const today = todayInShanghai(ctx.clock.now())
  const contactHash = ctx.crypto.lookupHash(`objection:${normaliseContact(input.contact)}`)
  return withTx(ctx, async (t) => {
    const [app] = await t.tx.select().from(benefitApplications).where(eq(benefitApplications.id, applicationId)).for('update')
    const isPublic = app && (app.status === 'notice_open' || app.status === 'objection_review') && app.noticeEnd !== null && app.noticeEnd >= today
    if (!app || !isPublic) {
      if (app && (app.status === 'notice_open' || app.status === 'notice_closed')) throw new AppError('OBJECTION_WINDOW_CLOSED', '该公示已结束，不能再提出异议')
      throw new AppError('NOT_FOUND', '公示不存在或已结束')
    }
    const [dup] = await t.tx
      .select({ id: benefitObjections.id })
      .from(benefitObjections)
      .where(and(eq(benefitObjections.applicationId, applicationId), eq(benefitObjections.contactHash, contactHash)))
    if (dup) throw new AppError('CONFLICT', '该联系方式已对本公示提出过异议，我们会尽快核查', [{ path: 'contact', message: '已提出过异议' }])
    const [o] = await t.tx
      .insert(benefitObjections)
      .values({
        applicationId,
        regionCode: app.regionCode,
        name: input.name,
        contactHash,
        contactEnc: ctx.crypto.encrypt(input.contact),
        reason: input.reason,
        evidence: input.evidence ?? null,
      })
      .onConflictDoNothing()
      .returning()
    if (!o) throw new AppError('CONFLICT', '该联系方式已对本公示提出过异议，我们会尽快核查', [{ path: 'contact', message: '已提出过异议' }])
    await appendAudit(t, {
      action: 'benefit_objection.lodged',
      entityType: 'benefit_application',
      entityId: applicationId,
      regionCode: app.regionCode,
      after: { objectionId: o.id, name: input.name, reason: input.reason, status: 'objection_review' },
    })
    if (app.status === 'notice_open') {
      const programme = await getProgramme(t.tx, app.programmeCode)
      const cal = await loadWorkCalendar(t.tx, today)
      await applicationStep(t, { programme, action: 'object', before: app, isWorkingDay: cal.isWorkingDay, extra: { objectionId: o.id } })
    }
    await recordEvent(t, {
      type: benefitEvents.objectionLodged,
      entityType: 'benefit_application',
      entityId: applicationId,
      regionCode: app.regionCode,
      payload: { objectionId: o.id },
    })
    return { id: o.id, message: '异议已收到，工作人员将在核查后与您联系' }
  })
}
