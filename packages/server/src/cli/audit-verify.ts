import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { openDatabase } from '../bootstrap.js'
import { loadConfig } from '../platform/config.js'
import { createCrypto } from '../platform/crypto.js'
import { signCheckpoint, verifyAuditChain, verifyCheckpoints, type TAuditCheckpoint } from '../platform/audit.js'

/**
 * npm run audit:verify [-- --checkpoints FILE] [-- --export-checkpoint FILE]
 *
 * Walks the chain with the same SECRET_KEY (or DATA_DIR/secret.key) as the server: the keyed
 * hashes cannot be checked without it. --checkpoints also checks each signed checkpoint line in
 * FILE against the database; --export-checkpoint appends the current head, signed, to FILE
 * (keep that file off this machine: it is what proves the newest rows were not cut off).
 * Exit code 0 when everything holds, 1 otherwise.
 */
const args = process.argv.slice(2)
const opt = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const config = loadConfig()
const crypto = createCrypto(config.secretKey)
const database = await openDatabase(config)
try {
  const r = await verifyAuditChain(database.db, crypto)
  let ok = r.ok
  if (r.ok)
    console.log(
      `OK: ${r.checked} 条审计记录，哈希链完整，链尾与链头一致（第 ${r.head.seq} 条）${r.legacyRows ? `；其中 ${r.legacyRows} 条为升级前的未签名记录` : ''}`,
    )
  else console.log(`BROKEN: 第 ${r.brokenAt!.seq} 条${r.brokenAt!.id ? `（id ${r.brokenAt!.id}）` : ''}：${r.brokenAt!.reason}；之前 ${r.checked} 条完整`)
  const cpFile = opt('--checkpoints')
  if (cpFile) {
    const lines = readFileSync(cpFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
    const c = await verifyCheckpoints(
      database.db,
      crypto,
      lines.map((l) => JSON.parse(l) as TAuditCheckpoint),
    )
    if (c.ok) console.log(`OK: ${c.checked} 个检查点与数据库一致`)
    else for (const p of c.problems) console.log(`BROKEN: ${p}`)
    ok &&= c.ok
  }
  const exportFile = opt('--export-checkpoint')
  if (exportFile) {
    if (!r.ok) console.log('哈希链不完整，未导出检查点')
    else {
      const cp = signCheckpoint(crypto, r.head, new Date())
      const existed = existsSync(exportFile)
      appendFileSync(exportFile, JSON.stringify(cp) + '\n', { mode: 0o600 })
      console.log(`已${existed ? '追加' : '写入'}检查点 #${cp.seq} 到 ${exportFile}`)
    }
  }
  process.exitCode = ok ? 0 : 1
} finally {
  await database.close()
}
