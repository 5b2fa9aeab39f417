import type { SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'

/** One payment owed for a month: one elder, one programme. Amounts in fen. */
export type TDueLine = {
  elderId: string
  regionCode: string
  programCode: string
  programName: string
  delivery: string
  fundSource: string
  amountFen: number
  /** Why this amount, in Chinese: programme, band or level, months. */
  explanation: string
  /** The benefit and application behind the line (the fund checks follow them). */
  benefitId?: string | null
  applicationId?: string | null
}

/** Months owed from before a late grant (补发), each at its own amount; the run drops months already paid and writes one line per segment. */
export type TBackPayDue = Omit<TDueLine, 'amountFen' | 'explanation'> & { months: { month: string; amountFen: number; basis: string }[] }

/**
 * Where the month run reads what is owed: the active benefits of the benefits module. Pages are
 * keyset-ordered with an opaque cursor, so a run streams the district and a resumed run goes on
 * after the last committed page. `cursor: null` means the end.
 */
export type TDueSource = {
  count(db: DbOrTx, q: { month: string; regionPrefix: string }): Promise<number>
  page(
    db: DbOrTx,
    q: { month: string; regionPrefix: string; after: string | null; limit: number },
  ): Promise<{ lines: TDueLine[]; backPay?: TBackPayDue[]; cursor: string | null }>
  /**
   * The same page as SQL (optional), so the run writes its lines, accounts and postings in one
   * statement and no line goes through the process: columns `cursor` (keyset; the page's last is
   * the next `after`), elder_id, region_code, program_code, program_name, delivery, fund_source,
   * amount_fen (null: no regular line this month), explanation, benefit_id, application_id, and
   * `late` (may owe back pay: `backPay` then gives the months of those benefits).
   */
  pageSql?(q: { month: string; regionPrefix: string; after: string | null; limit: number }): SQL
  backPay?(db: DbOrTx, q: { month: string; benefitIds: readonly string[] }): Promise<TBackPayDue[]>
}
