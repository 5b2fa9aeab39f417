import { openPostgres } from '../../packages/server/src/db/client.js'
import { systemCtx } from '../../packages/server/src/bootstrap.js'
import { loadConfig } from '../../packages/server/src/platform/config.js'
import { findElders } from '../../packages/server/src/modules/elders/find-elders.js'
import { ZFindElders } from '../../packages/server/src/modules/elders/elders.schemas.js'
const url = 'postgres://postgres@127.0.0.1:5432/perf_elders'
const database = await openPostgres(url, 4)
const config = loadConfig({ SECRET_KEY: 'bench-secret-key-0123456789abcdefghijklmnop', DATA_DIR: '/tmp/perf/data', LOG_LEVEL: 'silent', DATABASE_URL: url })
const ctx = { ...systemCtx(database, config), actor: { userId: 'x', username: 'admin', role: 'sys_admin', scopePrefix: '620702', scopeRegionCode: '620702000000', providerId: null, via: 'session' } } as never
await database.migrate()
for (const qs of [process.argv[2] ?? 'categories=min_subsistence&regionCode=620702001000&page=2', 'page=1', 'categories=living_alone&regionCode=620702001000&page=3']) {
  const q = ZFindElders.parse(Object.fromEntries(new URLSearchParams(qs)))
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    const r = await findElders(ctx, q)
    console.log(qs, (performance.now() - t).toFixed(1), 'ms', r.total, r.totalIsEstimate, r.items.length, r.items[0]?.name, r.items[0]?.regionName)
  }
}
await database.close()
