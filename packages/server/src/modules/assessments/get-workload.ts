import { todayInShanghai } from '@yiyang/core'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionLike } from '../../platform/list.js'

/** Assessor workload inside the scope: open cases by status, overdue appointments, completed in the last 30 days. */
export async function getWorkload(ctx: Ctx, q: { regionCode?: string }) {
  requirePermission(ctx.actor, 'assessment:read')
  const today = todayInShanghai(ctx.clock.now())
  const since = new Date(ctx.clock.now().getTime() - 30 * 86400_000)
  const rows = rowsOf<Record<string, string | number>>(
    await ctx.db.execute(sql`
    select assessor_id::text as assessor_id, min(assessors->0->>'name') as assessor_name,
           count(*) filter (where status = 'scheduled')::int as scheduled,
           count(*) filter (where status = 'in_progress')::int as in_progress,
           count(*) filter (where status = 'returned')::int as returned,
           count(*) filter (where status = 'submitted')::int as submitted,
           count(*) filter (where status in ('reviewed', 'effective', 'disputed', 'superseded') and submitted_at >= ${since.toISOString()}::timestamptz)::int as completed30d,
           count(*) filter (where status = 'scheduled' and scheduled_date < ${today}::date)::int as overdue_scheduled
      from assessments
     where region_code like ${regionLike(ctx.actor, q.regionCode)}
     group by assessor_id
     order by 3 + 4 desc, 2 asc`),
  )
  return {
    items: rows.map((r) => ({
      assessorId: String(r.assessor_id),
      assessorName: String(r.assessor_name),
      scheduled: Number(r.scheduled),
      inProgress: Number(r.in_progress),
      returned: Number(r.returned),
      submitted: Number(r.submitted),
      completed30d: Number(r.completed30d),
      overdueScheduled: Number(r.overdue_scheduled),
    })),
  }
}
