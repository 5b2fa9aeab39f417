import { and, count, desc, eq, type SQL } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import type { JobRunner } from '../../platform/jobs.js'
import { jobs } from '../../platform/jobs.js'
import { pageOffset, pageResult } from '../../platform/list.js'
import { requirePermission } from '../../platform/permissions.js'
import { getUsersBrief } from '../accounts/index.js'
import { jobScope } from './jobs.repo.js'
import type { TFindJobs, TJob } from './system.schemas.js'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** Background jobs for the administrator's page: newest first, filtered by status and kind. */
export async function findJobs(ctx: Ctx, runner: Pick<JobRunner, 'labelOf'>, q: TFindJobs) {
  requirePermission(ctx.actor, 'job:manage')
  const where: (SQL | undefined)[] = [jobScope(ctx.actor)]
  if (q.status) where.push(eq(jobs.status, q.status))
  if (q.kind) where.push(eq(jobs.kind, q.kind))
  const cond = and(...where)
  const cols = {
    id: jobs.id,
    kind: jobs.kind,
    status: jobs.status,
    attempts: jobs.attempts,
    maxAttempts: jobs.maxAttempts,
    runAt: jobs.runAt,
    createdAt: jobs.createdAt,
    startedAt: jobs.startedAt,
    finishedAt: jobs.finishedAt,
    error: jobs.error,
    createdBy: jobs.createdBy,
    regionCode: jobs.regionCode,
    progress: jobs.progress,
  }
  const [rows, [total]] = await Promise.all([
    ctx.db.select(cols).from(jobs).where(cond).orderBy(desc(jobs.createdAt)).limit(q.pageSize).offset(pageOffset(q)),
    ctx.db.select({ n: count() }).from(jobs).where(cond),
  ])
  const people = await getUsersBrief(
    ctx.db,
    rows.map((r) => r.createdBy).filter((x): x is string => !!x),
  )
  const items: TJob[] = rows.map((r) => ({
    ...r,
    kindLabel: runner.labelOf(r.kind),
    runAt: r.runAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    createdBy: r.createdBy ? (people.get(r.createdBy)?.displayName ?? null) : null,
  }))
  return pageResult(items, Number(total?.n ?? 0), q)
}
