// The eligibility CLI's fixed interface (issue 17): output shape, and exit 2 with one stderr line on bad input.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('./eligibility.ts', import.meta.url))
// npm runs the script from the repository root and passes the caller's directory as INIT_CWD.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
let dir: string

type TRun = { code: number; stdout: string; stderr: string }
const runCli = (args: string[]): Promise<TRun> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repoRoot, env: { ...process.env, INIT_CWD: dir } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yiyang-eligibility-'))
  await writeFile(
    join(dir, 'ok.json'),
    JSON.stringify([
      { id: 'a', birthDate: '1936-06-15', hukou: 'local', status: 'active', categories: ['severe_disability', 'low_income'], abilityLevel: 2 },
      { id: 'b', birthDate: '1990-01-01', hukou: 'non_local', status: 'deceased', categories: [], abilityLevel: null },
    ]),
  )
  await writeFile(join(dir, 'broken.json'), '[{"id": ')
  await writeFile(join(dir, 'object.json'), '{"id": "a"}')
  await writeFile(
    join(dir, 'badcat.json'),
    JSON.stringify([{ id: 'a', birthDate: '1950-01-01', hukou: 'local', status: 'active', categories: ['x'], abilityLevel: 1 }]),
  )
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('npm run -s eligibility', () => {
  it('prints one result per programme for each elder, with the fixed fields', async () => {
    const r = await runCli(['--month', '2026-07', 'ok.json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as {
      id: string
      results: { program: string; eligible: boolean; amountFen: number; chosen: boolean; clauses: unknown[] }[]
    }[]
    expect(out.map((e) => e.id)).toEqual(['a', 'b'])
    const a = Object.fromEntries(out[0].results.map((x) => [x.program, [x.eligible, x.amountFen, x.chosen]]))
    expect(a).toEqual({
      gaoling: [true, 30000, true],
      'jingji-kunnan': [true, 20000, true],
      'shineng-huli': [true, 20000, true],
      'zhongcan-huli': [true, 17900, false],
      'xiaofei-quan': [true, 30000, true],
    })
    expect(out[1].results.every((x) => !x.eligible && x.amountFen === 0 && !x.chosen && x.clauses.length > 0)).toBe(true)
  })
  it.each([
    [['--month', '2026-13', 'ok.json'], '--month'],
    [['ok.json'], '--month'],
    [['--month', '2026-07'], '文件'],
    [['--month', '2026-07', 'missing.json'], '无法读取'],
    [['--month', '2026-07', 'broken.json'], 'JSON'],
    [['--month', '2026-07', 'object.json'], '数组'],
    [['--month', '2026-07', 'badcat.json'], '未知类别代码'],
  ])('bad input %j: exit 2 and one line on stderr', async (args, text) => {
    const r = await runCli(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain(text)
  })
})
