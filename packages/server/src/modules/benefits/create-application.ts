import { and, eq } from 'drizzle-orm'
import { evaluateProgramme, maskName, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { eligibilityFactsByIds, getElderForActor } from '../elders/index.js'
import { decisionMonth, getProgramme } from './benefits.repo.js'
import { applicationAuditSnapshot } from './benefits.mapper.js'
import type { TCreateApplication } from './benefits.schemas.js'
import { benefitApplications, benefits } from './benefits.tables.js'
import { getApplication } from './get-application.js'

/**
 * A community worker files an application (a draft) for an elder in scope — also the one click
 * from the eligible-but-not-applied list. The clauses are evaluated now for the worker to see;
 * a case that does not qualify may still be filed (the street review decides on current facts).
 */
export async function createApplication(ctx: Ctx, input: TCreateApplication) {
  requirePermission(ctx.actor, 'benefit:apply')
  const elder = await getElderForActor(ctx, input.elderId)
  if (elder.status !== 'active') throw fieldError('elderId', '该老人已去世或迁出，不能申请')
  const programme = await getProgramme(ctx.db, input.programmeCode)
  const facts = (await eligibilityFactsByIds(ctx.db, [elder.id])).get(elder.id)!
  const r = evaluateProgramme(programme, facts.facts, decisionMonth(ctx.clock.now()))
  const id = await withTx(ctx, async (t) => {
    const [held] = await t.tx
      .select({ id: benefits.id })
      .from(benefits)
      .where(and(eq(benefits.elderId, elder.id), eq(benefits.programmeCode, programme.code), eq(benefits.status, 'active')))
    if (held) throw new AppError('CONFLICT', `该老人已在享受${programme.name}`, [{ path: 'programmeCode', message: '已在享受' }])
    const inserted = await t.tx
      .insert(benefitApplications)
      .values({
        elderId: elder.id,
        regionCode: elder.regionCode,
        programmeCode: programme.code,
        elderNameMasked: maskName(elder.name),
        amountFen: r.amountFen,
        clauses: r.clauses,
        note: input.note ?? null,
        stepSince: todayInShanghai(ctx.clock.now()),
        createdBy: ctx.actor!.userId,
      })
      .onConflictDoNothing()
      .returning()
    const row = inserted[0]
    if (!row) throw new AppError('CONFLICT', `该老人已有办理中的${programme.name}申请`, [{ path: 'programmeCode', message: '已有办理中的申请' }])
    await appendAudit(t, {
      action: 'benefit_application.created',
      entityType: 'benefit_application',
      entityId: row.id,
      regionCode: row.regionCode,
      after: applicationAuditSnapshot(row),
    })
    return row.id
  })
  return getApplication(ctx, id)
}
