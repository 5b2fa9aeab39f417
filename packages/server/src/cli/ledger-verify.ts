/**
 * `npm run -s ledger:verify` (issue 18, fixed interface): prints `OK` with the number of postings,
 * or the first unbalanced transaction or account whose cached balance differs from its postings
 * and exits 1.
 */
import { openDatabase } from '../bootstrap.js'
import { loadConfig } from '../platform/config.js'
import { verifyLedger } from '../modules/disbursement/index.js'

const database = await openDatabase(loadConfig())
try {
  const r = await verifyLedger(database.db)
  if (r.ok) console.log(`OK ${r.postings} postings（${r.transactions} 笔交易，${r.accounts} 个账户，借贷平衡，余额与分录一致）`)
  else console.log(`BROKEN ${r.problem}（共 ${r.postings} 笔分录）`)
  process.exitCode = r.ok ? 0 : 1
} finally {
  await database.close()
}
