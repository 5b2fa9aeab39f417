import { sql, type SQL } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.js'

export type TLedgerVerification = { ok: true; postings: number; transactions: number; accounts: number } | { ok: false; problem: string; postings: number }

/**
 * Recomputes the ledger: every transaction sums to zero and every account's cached balance
 * equals the sum of its postings. Reports the first problem in Chinese.
 */
export async function verifyLedger(db: DbOrTx): Promise<TLedgerVerification> {
  const q = async <T>(query: SQL): Promise<T[]> => rowsOf<T>(await db.execute(query))
  const [counts] = await q<{ postings: number; transactions: number; accounts: number }>(
    sql`select (select count(*) from ledger_postings)::int as postings, (select count(*) from ledger_transactions)::int as transactions, (select count(*) from ledger_accounts)::int as accounts`,
  )
  const postings = Number(counts.postings)
  const unbalanced = await q<{
    id: string
    ref: string
    total: string
    n: number
  }>(sql`select t.id, t.ref, coalesce(sum(p.amount_fen), 0)::bigint as total, count(p.id)::int as n
        from ledger_transactions t left join ledger_postings p on p.tx_id = t.id
        group by t.id, t.ref having coalesce(sum(p.amount_fen), 0) <> 0 or count(p.id) < 2
        order by t.created_at, t.id limit 1`)
  if (unbalanced.length) {
    const u = unbalanced[0]
    return { ok: false, postings, problem: `交易 ${u.ref}（${u.id}）不平衡：分录合计 ${u.total} 分，分录 ${u.n} 笔` }
  }
  const orphan = await q<{
    id: string
  }>(sql`select p.id from ledger_postings p left join ledger_transactions t on t.id = p.tx_id left join ledger_accounts a on a.id = p.account_id
        where t.id is null or a.id is null order by p.id limit 1`)
  if (orphan.length) return { ok: false, postings, problem: `分录 ${orphan[0].id} 没有对应的交易或账户` }
  const drift = await q<{
    code: string
    cached: string
    actual: string
  }>(sql`select a.code, a.balance_fen::bigint as cached, coalesce(sum(p.amount_fen), 0)::bigint as actual
        from ledger_accounts a left join ledger_postings p on p.account_id = a.id
        group by a.id, a.code, a.balance_fen having a.balance_fen <> coalesce(sum(p.amount_fen), 0)
        order by a.code limit 1`)
  if (drift.length) {
    const d = drift[0]
    return { ok: false, postings, problem: `账户 ${d.code} 的余额 ${d.cached} 分与分录合计 ${d.actual} 分不符` }
  }
  return { ok: true, postings, transactions: Number(counts.transactions), accounts: Number(counts.accounts) }
}
