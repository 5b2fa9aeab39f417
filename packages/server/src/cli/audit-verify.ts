import { openDatabase } from '../bootstrap.js'
import { loadConfig } from '../platform/config.js'
import { verifyAuditChain } from '../platform/audit.js'

// Prints OK or the first broken row; exit code 0 when intact, 1 otherwise.
const config = loadConfig()
const database = await openDatabase(config)
try {
  const r = await verifyAuditChain(database.db)
  if (r.ok) console.log(`OK: ${r.checked} 条审计记录，哈希链完整`)
  else console.log(`BROKEN: 第 ${r.brokenAt!.seq} 条（id ${r.brokenAt!.id}）：${r.brokenAt!.reason}；之前 ${r.checked} 条完整`)
  process.exitCode = r.ok ? 0 : 1
} finally {
  await database.close()
}
