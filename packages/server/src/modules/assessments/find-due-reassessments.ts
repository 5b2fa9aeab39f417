import { todayInShanghai } from '@yiyang/core'
import { sql } from 'drizzle-orm'
import { rowsOf } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { getAllSettings } from './assessments.repo.js'
import { regionLike } from '../../platform/list.js'
import type { TFindDue } from './assessments.schemas.js'
import { pageOffset } from '../../platform/list.js'
import { levelName } from './scales.js'

type DueRow = {
  elder_id: string
  elder_name: string
  region_code: string
  source: 'interval' | 'condition_change'
  scale: string | null
  last_id: string | null
  last_effective: string | null
  last_level: number | null
  due_date: string
  trigger_note: string | null
  open_id: string | null
  open_status: string | null
  days_left: number
  state: 'ok' | 'due_soon' | 'overdue'
  total_count: number
}

/**
 * Reassessment schedule per region: every elder with a result in force is due `intervalMonths`
 * (per scale) after its effective date; an elder whose condition was reported changed is due
 * at once (source condition_change). Default list: due soon and overdue, most urgent first.
 */
export async function findDueReassessments(ctx: Ctx, q: TFindDue) {
  requirePermission(ctx.actor, 'assessment:read')
  const today = todayInShanghai(ctx.clock.now())
  const settings = await getAllSettings(ctx.db)
  const cfg = sql.join(
    settings.map((s) => sql`(${s.scale}::text, ${s.intervalMonths}::int, ${s.dueSoonDays}::int)`),
    sql`, `,
  )
  const dueSoon = settings[0]!.dueSoonDays
  const like = regionLike(ctx.actor, q.regionCode)
  const stateFilter = q.state ? sql`state = ${q.state}` : q.includeOk ? sql`true` : sql`state <> 'ok'`
  const result = await ctx.db.execute(sql`
    with cfg(scale, interval_months, due_soon_days) as (values ${cfg}),
    base as (
      select a.elder_id, a.elder_snapshot->>'name' as elder_name, a.region_code, 'interval'::text as source, a.scale,
             a.id as last_id, a.effective_date::text as last_effective, a.final_level::int as last_level,
             (a.effective_date + make_interval(months => cfg.interval_months))::date as due, null::text as trigger_note, cfg.due_soon_days
        from assessments a join cfg on cfg.scale = a.scale
       where a.status in ('effective', 'disputed') and a.elder_inactive_since is null and a.region_code like ${like}
      union all
      select t.elder_id, t.elder_name, t.region_code, 'condition_change', null, null, null, null,
             (t.reported_at at time zone 'Asia/Shanghai')::date, t.note, ${dueSoon}::int
        from assessment_triggers t
       where t.resolved_at is null and t.region_code like ${like}
    ),
    rows as (
      select b.*, (b.due - ${today}::date)::int as days_left,
             case when b.due < ${today}::date then 'overdue' when b.due - ${today}::date <= b.due_soon_days then 'due_soon' else 'ok' end as state,
             o.id as open_id, o.status as open_status
        from base b
        left join lateral (
          select x.id, x.status from assessments x
           where x.elder_id = b.elder_id and x.status in ('scheduled', 'in_progress', 'submitted', 'returned', 'reviewed')
           order by x.created_at desc limit 1
        ) o on true
    )
    select elder_id, elder_name, region_code, source, scale, last_id, last_effective, last_level, due::text as due_date, trigger_note,
           open_id, open_status, days_left, state, count(*) over ()::int as total_count
      from rows where ${stateFilter}
     order by days_left asc, elder_name asc
     limit ${q.pageSize} offset ${pageOffset(q)}`)
  const rows = rowsOf<DueRow>(result)
  const names = await regionNames(
    ctx.db,
    rows.map((r) => r.region_code),
  )
  return {
    items: rows.map((r) => ({
      elderId: r.elder_id,
      elderName: r.elder_name,
      regionCode: r.region_code,
      regionName: names.get(r.region_code) ?? null,
      source: r.source,
      scale: r.scale,
      lastAssessmentId: r.last_id,
      lastEffectiveDate: r.last_effective,
      lastLevel: r.last_level === null ? null : Number(r.last_level),
      lastLevelName: r.scale ? levelName(r.scale, r.last_level) : null,
      dueDate: r.due_date,
      state: r.state,
      daysLeft: Number(r.days_left),
      triggerNote: r.trigger_note,
      openAssessmentId: r.open_id,
      openAssessmentStatus: r.open_status,
    })),
    total: rows.length ? Number(rows[0]!.total_count) : 0,
    page: q.page,
    pageSize: q.pageSize,
  }
}
