import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.js'

/** Application statuses after an approval: a benefit paid from one of these has its approval. */
const APPROVED = ['approved', 'granted', 'active', 'stopped']

export type TPaymentCheck = {
  applicationId: string
  /** The application's status, or null when there is no such application. */
  status: string | null
  /** Objections to its 公示 that were open at some time in the month (lodged before the month ended, decided after it began, or not yet). */
  openObjections: number
  approved: boolean
}

/**
 * For the fund checks of the disbursement module (issue 18 item 5): per application behind paid
 * lines, whether it was approved and whether an objection to its 公示 was open during `month`
 * ("YYYY-MM", Asia/Shanghai). One statement for all ids.
 */
export async function paymentChecks(db: DbOrTx, q: { applicationIds: readonly string[]; month: string }): Promise<Map<string, TPaymentCheck>> {
  const ids = [...new Set(q.applicationIds)]
  if (ids.length === 0) return new Map()
  const start = `${q.month}-01T00:00:00+08:00`
  const rows = rowsOf<{ id: string; status: string | null; open_objections: string | number }>(
    await db.execute(sql`
      select x.id::text as id, a.status,
             (select count(*) from benefit_objections o
               where o.application_id = x.id
                 and o.created_at < (${start}::timestamptz + interval '1 month')
                 and (o.decided_at is null or o.decided_at >= ${start}::timestamptz)) as open_objections
        from unnest(${`{${ids.join(',')}}`}::uuid[]) as x(id)
        left join benefit_applications a on a.id = x.id`),
  )
  return new Map(
    rows.map((r) => [
      r.id,
      { applicationId: r.id, status: r.status, openObjections: Number(r.open_objections), approved: r.status !== null && APPROVED.includes(r.status) },
    ]),
  )
}
