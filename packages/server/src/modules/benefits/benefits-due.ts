import { and, asc, count, eq, gt, isNull, like, lte, or, type SQL } from 'drizzle-orm'
import { benefitDeliveryLabels } from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import { scopeLike } from '../../platform/permissions.js'
import { loadProgrammes } from './benefits.repo.js'
import { benefits } from './benefits.tables.js'

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
}

/**
 * Benefits payable in `month`: started on or before it and not stopped before it (a benefit
 * stopped from month S is paid up to S−1). Each at its amount now — band changes apply from
 * their month onward, never backwards (不补差).
 */
const payableIn = (month: string, regionPrefix: string): SQL =>
  and(
    like(benefits.regionCode, scopeLike(regionPrefix)),
    lte(benefits.fromMonth, month),
    or(and(eq(benefits.status, 'active'), isNull(benefits.stopMonth)), gt(benefits.stopMonth, month)),
  )!

export async function countBenefitsDue(db: DbOrTx, q: { month: string; regionPrefix: string }): Promise<number> {
  const [r] = await db.select({ n: count() }).from(benefits).where(payableIn(q.month, q.regionPrefix))
  return Number(r?.n ?? 0)
}

/** One keyset page (by benefit id) of what is owed; `cursor: null` at the end. */
export async function pageBenefitsDue(
  db: DbOrTx,
  q: { month: string; regionPrefix: string; after: string | null; limit: number },
): Promise<{ lines: TBenefitDue[]; cursor: string | null }> {
  const rows = await db
    .select()
    .from(benefits)
    .where(and(payableIn(q.month, q.regionPrefix), q.after ? gt(benefits.id, q.after) : undefined))
    .orderBy(asc(benefits.id))
    .limit(q.limit)
  const programmes = new Map((await loadProgrammes(db, { includeInactive: true })).map((p) => [p.code, p.definition]))
  const lines = rows.map((b) => {
    const p = programmes.get(b.programmeCode)
    return {
      elderId: b.elderId,
      regionCode: b.regionCode,
      programCode: b.programmeCode,
      programName: p?.name ?? b.programmeCode,
      delivery: p?.delivery ?? 'cash',
      fundSource: p?.fundSource ?? 'fiscal',
      amountFen: b.amountFen,
      explanation: `${p?.name ?? b.programmeCode}，${p ? benefitDeliveryLabels[p.delivery] : ''}每月${(b.amountFen / 100).toFixed(2)}元，自${b.fromMonth}起享受`,
    }
  })
  return { lines, cursor: rows.length < q.limit ? null : rows[rows.length - 1]!.id }
}
