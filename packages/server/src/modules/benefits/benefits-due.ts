import { sql, type SQL } from 'drizzle-orm'
import { addMonths, benefitDeliveryLabels, evaluateProgramme, nextMonth, paymentAge, type TProgramme } from '@yiyang/core'
import { rowsOf, type DbOrTx } from '../../db/client.js'
import { scopeLike } from '../../platform/permissions.js'
import { eligibilityFactsByIds } from '../elders/index.js'
import { loadProgrammes } from './benefits.repo.js'

/** What the disbursement run owes for one elder and programme in a month (fen). */
export type TBenefitDue = {
  elderId: string
  regionCode: string
  programCode: string
  programName: string
  delivery: string
  fundSource: string
  amountFen: number
  explanation: string
  benefitId: string
  applicationId: string
}

/** One month owed as back pay (补发), at the amount the programme's rule gives for that month. */
export type TBackPayMonth = { month: string; amountFen: number; basis: string }

/** Months of one benefit owed from before it was granted (late approval), oldest first. */
export type TBenefitBackPay = Omit<TBenefitDue, 'amountFen' | 'explanation'> & { months: TBackPayMonth[] }

/** How far back a benefit granted late is still looked at for back pay (months before the run month). */
const BACK_PAY_WINDOW_MONTHS = 24

const shanghaiMonth = (column: SQL) => sql`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM')`

/**
 * Benefits the run of `month` looks at: payable in `month` (started on or before it, not stopped
 * before it — a benefit stopped from month S is paid up to S−1), or granted late with months owed
 * from before the grant (补发: `from_month` on or before the month it was granted, granted within
 * the back-pay window, not stopped before it started).
 */
const dueIn = (month: string, regionPrefix: string): SQL => {
  const windowStart = addMonths(`${month}-01`, -BACK_PAY_WINDOW_MONTHS)
  return sql`b.region_code like ${scopeLike(regionPrefix)} and b.from_month <= ${month}
    and ((b.status = 'active' and b.stop_month is null) or b.stop_month > ${month}
         or (b.from_month < ${month} and b.from_month <= ${shanghaiMonth(sql`b.created_at`)}
             and b.created_at >= ${windowStart}::date and coalesce(b.stop_month, '9999-99') > b.from_month))`
}

export async function countBenefitsDue(db: DbOrTx, q: { month: string; regionPrefix: string }): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from benefits b where ${dueIn(q.month, q.regionPrefix)}`))
  return Number(r?.n ?? 0)
}

type TDueRow = {
  id: string
  elder_id: string
  region_code: string
  programme_code: string
  application_id: string
  from_month: string
  stop_month: string | null
  granted_month: string
  program_name: string
  delivery: string
  fund_source: string
  /** The amount of `month` (null: not payable in `month`, only back pay). */
  amount_fen: number | string | null
  explanation: string | null
}

/** One keyset page (by benefit id) of the benefits the run of `month` looks at. */
const pageOf = (q: { month: string; regionPrefix: string; after: string | null; limit: number }): SQL =>
  sql`select b.* from benefits b
       where ${dueIn(q.month, q.regionPrefix)} ${q.after ? sql`and b.id > ${q.after}::uuid` : sql``}
       order by b.id limit ${q.limit}`

/**
 * The rows of a page (`TDueRow`, alias `p`) with the amount of the month: the benefit's amount
 * then — a later band change is undone by the first history row after the month (band changes
 * apply from their month onward, never backwards: 不补差); null when only back pay is owed.
 */
const dueRows = (month: string, page: SQL): SQL => sql`
  with page as (${page})
  select p.id, p.elder_id, p.region_code, p.programme_code, p.application_id, p.from_month, p.stop_month,
         ${shanghaiMonth(sql`p.created_at`)} as granted_month,
         coalesce(bp.definition->>'name', p.programme_code) as program_name,
         coalesce(bp.definition->>'delivery', 'cash') as delivery,
         coalesce(bp.definition->>'fundSource', 'fiscal') as fund_source,
         a.amount_fen,
         case when a.amount_fen is not null then
           coalesce(bp.definition->>'name', p.programme_code) || '，' ||
           coalesce(${JSON.stringify(benefitDeliveryLabels)}::jsonb->>(bp.definition->>'delivery'), '') ||
           '每月' || to_char(a.amount_fen / 100.0, 'FM9999999990.00') || '元，自' || p.from_month || '起享受' end as explanation
    from page p
    left join benefit_programmes bp on bp.code = p.programme_code
    left join lateral (
      select coalesce((select h.from_amount_fen from benefit_history h
                        where h.benefit_id = p.id and h.kind = 'band_change' and h.effective_month > ${month}
                        order by h.effective_month limit 1), p.amount_fen) as amount_fen
       where (p.status = 'active' and p.stop_month is null) or p.stop_month > ${month}) a on true`

/**
 * A keyset page of what is owed in `month` as one SQL relation, for a run that writes its lines
 * set-based without carrying them through the process. Columns: `cursor` (the benefit id; the
 * page's last is the next page's `after`), the line's columns (`amount_fen` null: no regular line
 * this month), and `late`: the benefit may owe back pay (补发) — `benefitsBackPay` says which
 * months. The regular lines are exactly `pageBenefitsDue`'s.
 */
export function benefitsDueSql(q: { month: string; regionPrefix: string; after: string | null; limit: number }): SQL {
  return sql`select d.id as cursor, d.elder_id, d.region_code, d.programme_code as program_code, d.program_name, d.delivery, d.fund_source,
                    d.amount_fen::bigint as amount_fen, d.explanation, d.id as benefit_id, d.application_id,
                    (d.from_month < ${q.month} and d.from_month <= d.granted_month) as late
               from (${dueRows(q.month, pageOf(q))}) d`
}

/** Back pay (补发) owed in `month` by the given benefits (those a `benefitsDueSql` page marked late). */
export async function benefitsBackPay(db: DbOrTx, month: string, benefitIds: readonly string[]): Promise<TBenefitBackPay[]> {
  if (benefitIds.length === 0) return []
  const ids = sql.join(
    benefitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  const rows = rowsOf<TDueRow>(await db.execute(sql`${dueRows(month, sql`select b.* from benefits b where b.id in (${ids})`)} order by p.id`))
  return backPayOf(db, month, rows)
}

/**
 * One keyset page (by benefit id) of what is owed in `month`, computed in one statement: the
 * amount of the month is the benefit's amount then — a later band change is undone by the first
 * history row after the month (band changes apply from their month onward, never backwards:
 * 不补差). Benefits granted late also bring the months owed before the grant (`backPay`), each at
 * the programme rule's amount for that month (a birthday in the owed months changes the band from
 * the month after it, as every month does). `cursor: null` at the end.
 */
export async function pageBenefitsDue(
  db: DbOrTx,
  q: { month: string; regionPrefix: string; after: string | null; limit: number },
): Promise<{ lines: TBenefitDue[]; backPay: TBenefitBackPay[]; cursor: string | null }> {
  const rows = rowsOf<TDueRow>(await db.execute(sql`${dueRows(q.month, pageOf(q))} order by p.id`))
  const lines: TBenefitDue[] = []
  for (const r of rows) {
    if (r.amount_fen === null) continue
    lines.push({
      elderId: r.elder_id,
      regionCode: r.region_code,
      programCode: r.programme_code,
      programName: r.program_name,
      delivery: r.delivery,
      fundSource: r.fund_source,
      amountFen: Number(r.amount_fen),
      explanation: r.explanation!,
      benefitId: r.id,
      applicationId: r.application_id,
    })
  }
  const backPay = await backPayOf(db, q.month, rows)
  return { lines, backPay, cursor: rows.length < q.limit ? null : rows[rows.length - 1]!.id }
}

const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7)

/**
 * Months owed from before the grant, for the few benefits of a page granted late: from the
 * benefit's first month to the month it was granted (a run of that month may have missed it),
 * never the run month itself (the regular line pays it) nor a month after the stop. The caller
 * drops months already paid.
 */
async function backPayOf(db: DbOrTx, month: string, rows: readonly TDueRow[]): Promise<TBenefitBackPay[]> {
  const late = rows
    .map((r) => {
      let last = r.granted_month < month ? r.granted_month : previousMonth(month)
      if (r.stop_month && r.stop_month <= last) last = previousMonth(r.stop_month)
      return { r, last }
    })
    .filter((x) => x.r.from_month <= x.last)
  if (late.length === 0) return []
  const programmes = new Map((await loadProgrammes(db, { includeInactive: true })).map((p) => [p.code, p.definition]))
  const facts = await eligibilityFactsByIds(
    db,
    late.map((x) => x.r.elder_id),
  )
  const out: TBenefitBackPay[] = []
  for (const { r, last } of late) {
    const p = programmes.get(r.programme_code)
    const f = facts.get(r.elder_id)
    if (!p || !f) continue
    const months: TBackPayMonth[] = []
    for (let m = r.from_month; m <= last; m = nextMonth(m)) {
      const owed = backPayMonth(p, f.facts, m)
      if (owed) months.push(owed)
    }
    if (months.length === 0) continue
    out.push({
      elderId: r.elder_id,
      regionCode: r.region_code,
      programCode: r.programme_code,
      programName: p.name,
      delivery: p.delivery,
      fundSource: p.fundSource,
      benefitId: r.id,
      applicationId: r.application_id,
      months,
    })
  }
  return out
}

/**
 * One owed month at the rule's amount then. The elder was alive and registered in every month
 * before the benefit's stop month (a death or move-out stops it from the next month), so the
 * status is taken as active; age and level are those of the payment month.
 */
function backPayMonth(p: TProgramme, facts: Parameters<typeof evaluateProgramme>[1], month: string): TBackPayMonth | null {
  const r = evaluateProgramme(p, { ...facts, status: 'active' }, month)
  if (!r.eligible || r.amountFen <= 0) return null
  // The basis names what the programme's amount tiers read: age, ability level, or neither.
  const tiers = JSON.stringify(p.amount.tiers)
  const parts = [
    tiers.includes('"age"') ? `${paymentAge(facts.birthDate, month)}周岁` : null,
    tiers.includes('"abilityLevel"') && facts.abilityLevel !== null ? `能力等级${facts.abilityLevel}级` : null,
  ].filter((x) => x !== null)
  return { month, amountFen: r.amountFen, basis: parts.length ? parts.join('、') : '统一标准' }
}
