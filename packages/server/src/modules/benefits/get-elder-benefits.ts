import { desc, eq } from 'drizzle-orm'
import { evaluateProgrammes, maskName, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { loadWorkCalendar } from '../../platform/calendar.js'
import { requirePermission } from '../../platform/permissions.js'
import { eligibilityFactsByIds, getElderForActor } from '../elders/index.js'
import { regionNames } from '../regions/index.js'
import { decisionMonth, loadProgrammes } from './benefits.repo.js'
import { toApplicationSummary, toBenefit, toHistory } from './benefits.mapper.js'
import { benefitApplications, benefitHistory, benefits } from './benefits.tables.js'

/** The elder page's 待遇 tab: benefits, every change with its reason, applications, and why each programme does or does not apply. */
export async function getElderBenefits(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'benefit:read')
  const elder = await getElderForActor(ctx, elderId)
  const today = todayInShanghai(ctx.clock.now())
  const month = decisionMonth(ctx.clock.now())
  const [bs, hs, apps, programmeRows, facts, names, cal] = await Promise.all([
    ctx.db.select().from(benefits).where(eq(benefits.elderId, elderId)).orderBy(desc(benefits.createdAt)),
    ctx.db.select().from(benefitHistory).where(eq(benefitHistory.elderId, elderId)).orderBy(desc(benefitHistory.at), desc(benefitHistory.id)),
    ctx.db.select().from(benefitApplications).where(eq(benefitApplications.elderId, elderId)).orderBy(desc(benefitApplications.createdAt)),
    loadProgrammes(ctx.db),
    eligibilityFactsByIds(ctx.db, [elderId]),
    regionNames(ctx.db, [elder.regionCode]),
    loadWorkCalendar(ctx.db, today),
  ])
  const programmes = new Map(programmeRows.map((p) => [p.code, p.definition]))
  const regionName = names.get(elder.regionCode) ?? null
  const f = facts.get(elderId)!
  const results = evaluateProgrammes(
    programmeRows.map((p) => p.definition),
    f.facts,
    month,
  )
  return {
    month,
    benefits: bs.map((b) => toBenefit(b, programmes.get(b.programmeCode), regionName, maskName(elder.name))),
    history: hs.map((h) => toHistory(h, programmes.get(h.programmeCode))),
    applications: apps.map((a) => toApplicationSummary(a, ctx.actor!, programmes.get(a.programmeCode), regionName, today, cal.isWorkingDay)),
    eligibility: results.map((r) => ({ ...r, programmeName: programmes.get(r.program)?.name ?? r.program })),
  }
}
