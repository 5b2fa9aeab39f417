/**
 * `npm run -s disburse -- --month YYYY-MM [--region CODE]` (issue 18, fixed interface): computes the
 * month for the region (default: the installation's district) against DATA_DIR or DATABASE_URL,
 * creating the month's batch or resuming an unfinished one, and prints one JSON line
 * `{ month, batchId, lines, totalFen, status }`. A finished month prints the same figures again.
 * Another run in progress: a clear message on stderr and exit 3 (never two computations at once).
 * Progress goes to stderr when it is a terminal.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { isPaymentMonth } from '@yiyang/core'
import { openDatabase, prepareDatabase, systemCtx } from '../bootstrap.js'
import { loadConfig } from '../platform/config.js'
import { AppError } from '../platform/errors.js'
import { levelPrefix } from '../platform/list.js'
import { runMonth, benefitsDueSource, creditCarryOver } from '../modules/disbursement/index.js'
import { regionsOfLevel } from '../modules/regions/index.js'

const USAGE = '用法：npm run -s disburse -- --month YYYY-MM [--region 区划代码]'
function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}

const args = process.argv.slice(2)
let month: string | undefined
let region: string | undefined
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--month') month = args[++i]
  else if (args[i] === '--region') region = args[++i]
  else fail(`未知参数：${args[i]}；${USAGE}`)
}
if (!isPaymentMonth(month)) fail(`缺少或无效的 --month；${USAGE}`)
if (region !== undefined && !/^\d{2,12}$/.test(region)) fail(`无效的 --region：${region}；${USAGE}`)

const config = loadConfig()
// PGlite is one process's database: a second process on the same DATA_DIR must not open it.
const lockFile = config.databaseUrl ? null : join(config.dataDir, 'disburse.lock')
if (lockFile) {
  mkdirSync(config.dataDir, { recursive: true })
  try {
    const fd = openSync(lockFile, 'wx')
    writeSync(fd, String(process.pid))
    closeSync(fd)
  } catch {
    const pid = Number(readFileSync(lockFile, 'utf8'))
    let alive: boolean
    try {
      process.kill(pid, 0)
      alive = pid > 0
    } catch {
      alive = false
    }
    if (alive) fail(`另一个发放计算进程（pid ${pid}）正在使用该数据目录，请等待其完成后再运行`, 3)
    // A crashed run left its lock: take it over (the batch resumes from its cursor).
    rmSync(lockFile, { force: true })
    const fd = openSync(lockFile, 'wx')
    writeSync(fd, String(process.pid))
    closeSync(fd)
  }
}

const database = await openDatabase(config)
try {
  await prepareDatabase(database, config, (m) => process.stderr.write(`${m}\n`))
  const ctx = systemCtx(database, config)
  const regionCode = region
    ? levelPrefix(region)
    : levelPrefix((await regionsOfLevel(database.db, 'county'))[0]?.code ?? fail('数据库中没有区县，请用 --region 指定'))
  const tty = process.stderr.isTTY
  const result = await runMonth(ctx, {
    month,
    regionCode,
    source: benefitsDueSource,
    carriesOver: await creditCarryOver(ctx.db),
    owner: `cli:${process.pid}:${randomUUID()}`,
    onProgress: tty ? (done, total) => process.stderr.write(`\r发放计算 ${done}/${total} 行（${total ? Math.floor((done / total) * 100) : 100}%）`) : undefined,
  })
  if (tty) process.stderr.write('\n')
  process.stdout.write(`${JSON.stringify(result)}\n`)
} catch (e) {
  if (!(e instanceof AppError && e.code === 'BUSY')) throw e
  process.stderr.write(`${e.message}\n`)
  process.exitCode = 3
} finally {
  await database.close()
  if (lockFile) rmSync(lockFile, { force: true })
}
