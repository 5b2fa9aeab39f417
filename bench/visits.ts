/**
 * Care-visit figures (issue 22), on the demo district in an in-process PGlite (BENCH_PG_URL=
 * postgres://… to use a PostgreSQL database you own and may fill). Prints:
 *  (a) plans made by the rules from the demo data, by frequency, and how many 高龄/独居/失能
 *      (town) and rural 空巢/独居/留守 elders are without one (the "every … has a plan");
 *  (b) 周探访率 and the rural monthly visit rate (domain.md §13, targets 100% from S000 and S002)
 *      for the district as the demo seed leaves them, and after a simulated week in which every
 *      visitor visits a share BENCH_VISIT_SHARE (0.9) of their elders;
 *  (c) the week's closing sweep (missed → visitor told; red list) and the escalation step:
 *      periods per second.
 * Figures only; never pass/fail.   npm run bench:visits
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatRate, periodKeyOf, periodRange, visitChecklistOn, todayInShanghai } from '@yiyang/core'
import { buildApp } from '../packages/server/src/app.js'
import { systemCtx } from '../packages/server/src/bootstrap.js'
import { openPglite, openPostgres } from '../packages/server/src/db/client.js'
import { loadConfig } from '../packages/server/src/platform/config.js'
import { seedDemo } from '../packages/server/src/seed/demo.js'
import { DEMO_PASSWORD } from '../packages/server/src/seed/demo.js'

const SHARE = Number(process.env.BENCH_VISIT_SHARE ?? 0.9)
const log = (s: string) => console.log(s)

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'yy-bench-visits-'))
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' })
  const database = process.env.BENCH_PG_URL ? await openPostgres(process.env.BENCH_PG_URL, 5) : await openPglite({})
  let nowMs = Date.now()
  const clock = { now: () => new Date(nowMs) }
  await database.migrate()
  let t = performance.now()
  await seedDemo({ ...systemCtx(database, config), clock })
  log(`demo seed (registry, assessments, visit plans): ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const app = await buildApp({ database, config, clock, logger: false, runJobs: false })
  await app.ready()
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } })
    return `yy_sid=${res.cookies.find((c) => c.name === 'yy_sid')!.value}`
  }
  const get = async (url: string, cookie: string) => (await app.inject({ url: `/api/v1${url}`, headers: { cookie } })).json()
  const bureau = await login('bureau')

  // (a) plans by rule
  const weekly = (await get('/visits/plans?pageSize=1&frequency=weekly&status=active', bureau)).total
  const monthly = (await get('/visits/plans?pageSize=1&frequency=monthly&status=active', bureau)).total
  const q = await database.db.execute(
    `
    select count(*) filter (where p.id is null and (e.birth_date <= (current_date - interval '80 years') or 'incapacitated' = any(e.categories)
                                                    or ('living_alone' = any(e.categories) and substr(e.region_code, 10, 3) < '200'))) as weekly_missing,
           count(*) filter (where p.id is null and substr(e.region_code, 10, 3) >= '200'
                                  and e.categories && array['empty_nest','living_alone','left_behind']) as monthly_missing
      from elders e left join visit_plans p on p.elder_id = e.id and p.status = 'active'
     where e.status = 'active' and e.merged_into is null` as never,
  )
  const missing = ((q as unknown as { rows: Record<string, unknown>[] }).rows ?? (q as unknown as Record<string, unknown>[]))[0]!
  log(
    `(a) active plans: ${weekly} weekly, ${monthly} monthly; target elders without a plan: ${missing.weekly_missing} weekly, ${missing.monthly_missing} rural monthly`,
  )

  // (b) rates as seeded, then after a simulated week
  const rates = async (label: string) => {
    const r = await get('/visits/rates', bureau)
    log(
      `(b) ${label}: 周探访率 ${formatRate(r.weekly.rate)} (${r.weekly.numerator}/${r.weekly.denominator}, target ${formatRate(r.weekly.target)}); ` +
        `农村月巡访率 ${formatRate(r.ruralMonthly.rate)} (${r.ruralMonthly.numerator}/${r.ruralMonthly.denominator}, target ${formatRate(r.ruralMonthly.target)})`,
    )
  }
  await rates('as seeded')
  const officers = (await get('/users?pageSize=200&role=street_officer', bureau)).items as { username: string }[]
  const checklist = Object.fromEntries(visitChecklistOn(todayInShanghai(clock.now())).map((i) => [i, 'ok']))
  let recorded = 0
  t = performance.now()
  for (const o of officers) {
    const cookie = await login(o.username)
    for (let page = 1; ; page++) {
      const plans = await get(`/visits/plans?pageSize=200&page=${page}&status=active&dueNow=true`, cookie)
      plans.items.forEach((p: { id: string }, i: number) => {
        if ((i * 7919) % 1000 < SHARE * 1000) (p as { go?: boolean }).go = true
      })
      for (const p of plans.items as { id: string; go?: boolean }[]) {
        if (!p.go) continue
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/visits',
          headers: { cookie },
          payload: { planId: p.id, idempotencyKey: `bench-${p.id}`, mode: 'home', checklist, confirmedBy: 'elder' },
        })
        if (res.statusCode === 200) recorded++
      }
      if (page * 200 >= plans.total) break
    }
  }
  const ms = performance.now() - t
  log(`    recorded ${recorded} visits through HTTP in ${(ms / 1000).toFixed(1)} s (${(recorded / (ms / 1000)).toFixed(0)} visits/s, one at a time)`)
  await rates(`after visiting ~${Math.round(SHARE * 100)}% of the due elders`)

  // (c) the week closes
  const week = periodKeyOf('weekly', clock.now())
  nowMs = periodRange(week).end.getTime() + 60_000
  t = performance.now()
  await app.jobs.drain()
  const close = performance.now() - t
  const missed = await database.db.execute(`select count(*)::int as n from visit_periods where period_key = '${week}' and status = 'missed'` as never)
  const n = Number(((missed as unknown as { rows: { n: number }[] }).rows ?? (missed as unknown as { n: number }[]))[0]!.n)
  log(`(c) week ${week} closed: ${n} periods missed (visitor told), swept in ${(close / 1000).toFixed(1)} s (${(n / (close / 1000)).toFixed(0)} periods/s)`)
  nowMs = periodRange(week).end.getTime() + 25 * 3600_000
  t = performance.now()
  await app.jobs.drain()
  const esc = performance.now() - t
  log(`    escalated to community workers a day later in ${(esc / 1000).toFixed(1)} s (${(n / (esc / 1000)).toFixed(0)} periods/s)`)
  await app.close()
  await database.close()
  rmSync(dir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
