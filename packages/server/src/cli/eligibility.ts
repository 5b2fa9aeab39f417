/**
 * `npm run -s eligibility -- --month YYYY-MM FILE.json` (issue 17, fixed interface): evaluates the
 * programmes as seeded (the seed data file, no database) for each elder's facts and prints one
 * JSON array. A bad file or argument: one line on stderr, exit 2.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { evaluateProgrammes, isPaymentMonth, parseEligibilityFacts } from '@yiyang/core'
import { loadSeedProgrammes } from '../seed/programmes.js'

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, ' ')}\n`)
  process.exit(2)
}

async function main(argv: string[]): Promise<void> {
  let month: string | undefined
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--month') month = argv[++i]
    else if (a.startsWith('--month=')) month = a.slice('--month='.length)
    else if (a.startsWith('-')) fail(`未知参数：${a}；用法：npm run -s eligibility -- --month YYYY-MM FILE.json`)
    else files.push(a)
  }
  if (!isPaymentMonth(month)) fail('缺少或无效的 --month（应为 YYYY-MM）；用法：npm run -s eligibility -- --month YYYY-MM FILE.json')
  if (files.length !== 1) fail('应给出且只给出一个 JSON 文件；用法：npm run -s eligibility -- --month YYYY-MM FILE.json')
  // npm runs scripts from the repository root; a relative path is the caller's.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), files[0])
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    fail(`无法读取文件 ${files[0]}：${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    fail(`文件不是有效的 JSON：${(e as Error).message}`)
  }
  const parsed = parseEligibilityFacts(json)
  if (!parsed.ok) fail(parsed.message)
  const programmes = await loadSeedProgrammes()
  const out = parsed.facts.map((f) => ({ id: f.id, results: evaluateProgrammes(programmes, f, month) }))
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

await main(process.argv.slice(2))
