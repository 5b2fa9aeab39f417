import { describe, it, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli, runCliAsync } from './cli.js'
import { parseSolomon } from './solomon.js'
import { checkSolomon } from './check-solomon.js'

// The published data sits beside the checkout (../shared/bench) or where YIYANG_BENCH_DIR says.
const bench = process.env.YIYANG_BENCH_DIR ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/bench')
const haveBench = existsSync(join(bench, 'solomon', 'c101.txt'))
const bin = fileURLToPath(new URL('../bin/solve.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'solver-cli-'))
const small = join(dir, 'small.txt')
writeFileSync(
  small,
  `SMALL\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  3         20\r\n\r\nCUSTOMER\r\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME\r\n \r\n    0 0 0 0 0 200 0\r\n    1 10 0 5 0 100 5\r\n    2 10 10 5 0 100 5\r\n    3 0 10 5 0 100 5\r\n    4 -10 0 10 0 100 5\r\n`,
)

describe('CLI argument and input errors', () => {
  const bad = (argv: string[], re: RegExp): void => {
    const r = runCli(argv)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(re)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }
  it('rejects bad flags', () => {
    bad(['--format', 'xml', small], /--format must be solomon or hhc/)
    bad([small], /--format is required/)
    bad(['--format', 'solomon', '--time-limit-ms', 'soon', small], /--time-limit-ms must be a positive integer/)
    bad(['--format', 'solomon', '--seed', 'x', small], /--seed must be an integer/)
    bad(['--format', 'solomon', '--fast', small], /unknown option --fast/)
    bad(['--format', 'solomon'], /FILE is required/)
    bad(['--format', 'solomon', '--time-limit-ms'], /needs a value/)
    bad(['--format', 'solomon', '--threads', '0', small], /--threads must be an integer from 1 to 64/)
    bad(['--format', 'solomon', '--threads', 'all', small], /--threads must be an integer from 1 to 64/)
  })
  it('rejects bad files', () => {
    bad(['--format', 'solomon', join(dir, 'missing.txt')], /no such file/)
    bad(['--format', 'solomon', dir], /not a file/)
    const junk = join(dir, 'junk.txt')
    writeFileSync(junk, 'hello\nworld\n')
    bad(['--format', 'solomon', junk], /not a Solomon file/)
    bad(['--format', 'hhc', junk], /not valid JSON/)
    const badHhc = join(dir, 'bad.json')
    writeFileSync(badHhc, JSON.stringify({ patients: [], caregivers: [], distances: [[0, 1]], central_offices: [{ id: 'd' }] }))
    bad(['--format', 'hhc', badHhc], /distances row 0 must hold 1 non-negative numbers/)
  })
  it('solves a small Solomon file in-process', () => {
    const r = runCli(['--format', 'solomon', '--time-limit-ms', '200', small])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['vehicles', 'distance', 'routes'])
    expect(out.vehicles).toBe(2)
  })
  it('solves with --threads 2 (worker threads), same output shape', async () => {
    const r = await runCliAsync(['--format', 'solomon', '--time-limit-ms', '400', '--threads', '2', small])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['vehicles', 'distance', 'routes'])
    expect(checkSolomon(parseSolomon(readFileSync(small, 'utf8')), out.routes).feasible).toBe(true)
  })
})

describe('CLI process', () => {
  it('prints exactly one JSON object on stdout and exits 0', () => {
    const r = spawnSync(process.execPath, [bin, '--format', 'solomon', '--time-limit-ms', '300', '--seed', '3', small], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const out = JSON.parse(lines[0])
    const chk = checkSolomon(parseSolomon(readFileSync(small, 'utf8')), out.routes)
    expect(chk.feasible).toBe(true)
    expect(out.distance).toBeCloseTo(chk.distance, 9)
  })
  it('exits 2 with one line on stderr for a bad flag', () => {
    const r = spawnSync(process.execPath, [bin, '--format', 'solomon', '--nope', small], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
  it.skipIf(!haveBench)('solves a home-care file into the solutions/ format', () => {
    const f = join(bench, 'hhc', 'instances', 'InstanzCPLEX_HCSRP_10_3.json')
    const r = spawnSync(process.execPath, [bin, '--format', 'hhc', '--time-limit-ms', '500', f], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.routes.length).toBe(3)
    for (const k of ['cost', 'distance', 'total_tardiness', 'max_tardiness']) expect(typeof out[k]).toBe('number')
    const loc = out.routes.find((x: { locations?: unknown[] }) => x.locations)?.locations[0]
    expect(Object.keys(loc).sort()).toEqual(['arrival_time', 'departure_time', 'patient', 'service'])
  })
})
