import { and, asc, eq, like } from 'drizzle-orm'
import {
  addWorkingDays,
  applicationFlow,
  canTakeStep,
  nextMonth,
  stepDeadlineKey,
  todayInShanghai,
  type TApplicationAction,
  type TApplicationStatus,
  type TIsWorkingDay,
  type TProgramme,
} from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import type { TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { scopeLike, type TActor } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { benefitApplications, benefitProgrammes } from './benefits.tables.js'
import { applicationAuditSnapshot, type TApplicationRow } from './benefits.mapper.js'

export type TProgrammeRow = typeof benefitProgrammes.$inferSelect

/** Programmes in screen order (active ones only unless asked). */
export async function loadProgrammes(db: DbOrTx, opts: { includeInactive?: boolean } = {}): Promise<TProgrammeRow[]> {
  const rows = await db.select().from(benefitProgrammes).orderBy(asc(benefitProgrammes.position), asc(benefitProgrammes.code))
  return opts.includeInactive ? rows : rows.filter((r) => r.isActive)
}

export async function getProgramme(db: DbOrTx, code: string, path = 'programmeCode'): Promise<TProgramme> {
  const [row] = await db.select().from(benefitProgrammes).where(eq(benefitProgrammes.code, code))
  if (!row) throw new AppError('NOT_FOUND', '补贴项目不存在', [{ path, message: '补贴项目不存在' }])
  return row.definition
}

/** One application inside the actor's scope; out of scope is NOT_FOUND like missing. */
export async function getApplicationInScope(db: DbOrTx, actor: TActor, id: string, forUpdate = false): Promise<TApplicationRow> {
  const q = db
    .select()
    .from(benefitApplications)
    .where(and(eq(benefitApplications.id, id), like(benefitApplications.regionCode, scopeLike(actor.scopePrefix))))
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

/** The payment month the facts are checked for when a case is decided now: the month after today's. */
export const decisionMonth = (now: Date) => nextMonth(todayInShanghai(now).slice(0, 7))

/** The working-day deadline of the step that leaves `status` (null when none is counted). */
export function deadlineFor(p: TProgramme, status: TApplicationStatus, today: string, isWorkingDay: TIsWorkingDay): string | null {
  const key = stepDeadlineKey(p, status)
  if (!key) return null
  const days = p.deadlines[key]
  return days ? addWorkingDays(isWorkingDay, today, days) : null
}

/**
 * One forward or side step of an application: the flow table and the programme's path decide
 * whether it may start from the row's status (a skipped step is INVALID_TRANSITION), then the
 * step helper does the compare-and-set, audit and event; the next step's deadline is set.
 */
export async function applicationStep(
  t: TxCtx,
  spec: {
    programme: TProgramme
    action: TApplicationAction
    before: TApplicationRow
    version?: number
    patch?: Partial<typeof benefitApplications.$inferInsert>
    extra?: Record<string, unknown>
    isWorkingDay: TIsWorkingDay
    event?: { type: string; payload: (row: TApplicationRow) => Record<string, unknown> }
  },
): Promise<TApplicationRow> {
  const { programme, action, before } = spec
  if (!canTakeStep(programme, action, before.status as TApplicationStatus)) throw new AppError('INVALID_TRANSITION')
  const step = applicationFlow[action]
  const today = todayInShanghai(t.clock.now())
  return runStep(t, {
    table: benefitApplications,
    step,
    before,
    version: spec.version,
    patch: { stepSince: today, stepDue: deadlineFor(programme, step.to, today, spec.isWorkingDay), ...spec.patch },
    audit: { action: `benefit_application.${action}`, entityType: 'benefit_application', snapshot: applicationAuditSnapshot, extra: spec.extra },
    event: spec.event,
  })
}
