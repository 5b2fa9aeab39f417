import { and, desc, asc, eq, notInArray } from 'drizzle-orm'
import { evaluateProgramme, maskName, todayInShanghai } from '@yiyang/core'
import type { TxCtx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { fieldError } from '../../platform/errors.js'
import { eligibilityFactsByIds } from '../elders/index.js'
import { decisionMonth, getProgramme } from './benefits.repo.js'
import { applicationAuditSnapshot } from './benefits.mapper.js'
import { benefitApplications, benefitCandidates, benefitProgrammes, benefits } from './benefits.tables.js'

export type TDraftApplicationFor = {
  elderId: string
  elderName: string
  regionCode: string
  /** Without it: the programme the elder qualifies for but has not applied to (discovery), the highest amount first. */
  programmeCode?: string | null
  note: string
  /** The community worker who will carry the case. */
  createdBy: string | null
}
export type TDraftApplicationResult = { applicationId: string; programmeCode: string; created: boolean } | null

/**
 * Service for other modules (visits): a benefit application draft for an elder, in the caller's
 * transaction, audited — what a community worker would file by hand. An elder already holding the
 * programme gets nothing (null); an application already in progress is returned, not doubled.
 * Null too when no programme is named and discovery finds none.
 */
export async function draftApplicationFor(t: TxCtx, input: TDraftApplicationFor): Promise<TDraftApplicationResult> {
  let code = input.programmeCode ?? null
  if (!code) {
    const [c] = await t.tx
      .select({ code: benefitCandidates.programmeCode })
      .from(benefitCandidates)
      .where(and(eq(benefitCandidates.elderId, input.elderId), eq(benefitCandidates.kind, 'eligible')))
      .orderBy(desc(benefitCandidates.amountFen), asc(benefitCandidates.programmeCode))
      .limit(1)
    if (!c) return null
    code = c.code
  }
  const [known] = await t.tx.select({ code: benefitProgrammes.code }).from(benefitProgrammes).where(eq(benefitProgrammes.code, code))
  if (!known) throw fieldError('programmeCode', '补贴项目不存在')
  const programme = await getProgramme(t.tx, code)
  const [held] = await t.tx
    .select({ id: benefits.id })
    .from(benefits)
    .where(and(eq(benefits.elderId, input.elderId), eq(benefits.programmeCode, programme.code), eq(benefits.status, 'active')))
  if (held) return null
  const open = () =>
    t.tx
      .select({ id: benefitApplications.id })
      .from(benefitApplications)
      .where(
        and(
          eq(benefitApplications.elderId, input.elderId),
          eq(benefitApplications.programmeCode, programme.code),
          notInArray(benefitApplications.status, ['active', 'stopped', 'rejected']),
        ),
      )
  const [inProgress] = await open()
  if (inProgress) return { applicationId: inProgress.id, programmeCode: programme.code, created: false }
  const facts = (await eligibilityFactsByIds(t.tx, [input.elderId])).get(input.elderId)
  const r = facts ? evaluateProgramme(programme, facts.facts, decisionMonth(t.clock.now())) : { amountFen: 0, clauses: [] }
  const [row] = await t.tx
    .insert(benefitApplications)
    .values({
      elderId: input.elderId,
      regionCode: input.regionCode,
      programmeCode: programme.code,
      elderNameMasked: maskName(input.elderName),
      amountFen: r.amountFen,
      clauses: r.clauses,
      note: input.note,
      stepSince: todayInShanghai(t.clock.now()),
      createdBy: input.createdBy,
    })
    .onConflictDoNothing()
    .returning()
  if (!row) {
    const [again] = await open()
    return again ? { applicationId: again.id, programmeCode: programme.code, created: false } : null
  }
  await appendAudit(t, {
    action: 'benefit_application.created',
    entityType: 'benefit_application',
    entityId: row.id,
    regionCode: row.regionCode,
    after: { ...applicationAuditSnapshot(row), source: 'visit' },
  })
  return { applicationId: row.id, programmeCode: programme.code, created: true }
}
