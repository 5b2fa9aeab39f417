import { readFileSync } from 'node:fs'
import { count } from 'drizzle-orm'
import type { Database } from '../db/client.js'
import type { Ctx } from '../platform/context.js'
import { withTx } from '../platform/context.js'
import type { TRole } from '../platform/permissions.js'
import { regions } from '../modules/regions/regions.tables.js'
import { users } from '../modules/accounts/accounts.tables.js'
import { hashPassword } from '../modules/accounts/password.js'
import { appendAudit } from '../platform/audit.js'
import { apiModules } from '../modules/registry.js'
import { actorForUser, findActiveUsersByRole } from '../modules/accounts/index.js'
import type { TSeedTools } from '../platform/module.js'
import { DEMO_CANTEEN, DEMO_CANTEEN_B, DEMO_PROVIDER, seedProviders } from '../modules/providers/index.js'

export const DEMO_PASSWORD = 'yiyang-demo'
export const DEMO_PROVIDER_ID = DEMO_PROVIDER.id

type RegionSeed = {
  code: string
  name: string
  level: 'province' | 'prefecture' | 'county' | 'township' | 'village'
  parentCode: string | null
  kind?: string
  isDemoCode: boolean
  pinyin?: string
}
const regionFile = new URL('./data/ganzhou-regions.json', import.meta.url)
export const demoRegions = JSON.parse(readFileSync(regionFile, 'utf8')) as { edition: number; regions: RegionSeed[] }
const prefixLength = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 } as const

export const DISTRICT_CODE = '620702000000'

type AccountSeed = { username: string; displayName: string; role: TRole; scopeRegionCode: string; providerId?: string }

/** The demo cast: district-wide accounts plus one account per regional role in every street/township. */
export function demoAccounts(): AccountSeed[] {
  const list: AccountSeed[] = [
    { username: 'admin', displayName: '系统管理员', role: 'sys_admin', scopeRegionCode: DISTRICT_CODE },
    { username: 'bureau', displayName: '区民政局 王科长', role: 'bureau_admin', scopeRegionCode: DISTRICT_CODE },
    { username: 'auditor', displayName: '区审计 赵审计', role: 'auditor', scopeRegionCode: DISTRICT_CODE },
    { username: 'provider', displayName: '康乐居家养老服务中心 管理员', role: 'provider_admin', scopeRegionCode: DISTRICT_CODE, providerId: DEMO_PROVIDER_ID },
    { username: 'caregiver', displayName: '护理员 李秀兰', role: 'caregiver', scopeRegionCode: DISTRICT_CODE, providerId: DEMO_PROVIDER_ID },
    { username: 'operator', displayName: '12349 区级坐席', role: 'operator', scopeRegionCode: DISTRICT_CODE },
    { username: 'canteen', displayName: '东街敬老餐厅 收银员', role: 'provider_admin', scopeRegionCode: DISTRICT_CODE, providerId: DEMO_CANTEEN.id },
    { username: 'nanjie.canteen', displayName: '南街长者饭堂 收银员', role: 'provider_admin', scopeRegionCode: DISTRICT_CODE, providerId: DEMO_CANTEEN_B.id },
  ]
  for (const t of demoRegions.regions.filter((r) => r.level === 'township')) {
    const firstVillage = demoRegions.regions.find((r) => r.parentCode === t.code)!
    list.push(
      { username: `${t.pinyin}.officer`, displayName: `${t.name} 工作人员`, role: 'street_officer', scopeRegionCode: t.code },
      { username: `${t.pinyin}.worker`, displayName: `${firstVillage.name} 社工`, role: 'community_worker', scopeRegionCode: firstVillage.code },
      { username: `${t.pinyin}.assessor`, displayName: `${t.name} 评估员`, role: 'assessor', scopeRegionCode: t.code },
      { username: `${t.pinyin}.operator`, displayName: `${t.name} 坐席`, role: 'operator', scopeRegionCode: t.code },
    )
  }
  // One volunteer (志愿者) for the care-visit demo: the first community of the first street.
  const firstStreet = demoRegions.regions.find((r) => r.level === 'township')!
  const firstCommunity = demoRegions.regions.find((r) => r.parentCode === firstStreet.code)!
  list.push({ username: 'volunteer', displayName: `${firstCommunity.name} 志愿者 张志远`, role: 'volunteer', scopeRegionCode: firstCommunity.code })
  return list
}

export async function isDatabaseEmpty(database: Database) {
  const [row] = await database.db.select({ n: count() }).from(users)
  return Number(row?.n ?? 0) === 0
}

/** Seeds the demo district when the database has no users. Idempotent per empty database. */
export async function seedDemo(ctx: Ctx, opts: { modules?: boolean } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const accounts = demoAccounts()
  await withTx(ctx, async (t) => {
    await t.tx
      .insert(regions)
      .values(
        demoRegions.regions.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parentCode,
          kind: r.kind ?? null,
          prefix: r.code.slice(0, prefixLength[r.level]),
          isDemoCode: r.isDemoCode,
          editionYear: demoRegions.edition,
        })),
      )
      .onConflictDoNothing()
    await seedProviders(t.tx)
    const prefixes = new Map(demoRegions.regions.map((r) => [r.code, r.code.slice(0, prefixLength[r.level])]))
    await t.tx
      .insert(users)
      .values(
        accounts.map((a) => ({
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          scopeRegionCode: a.scopeRegionCode,
          scopePrefix: prefixes.get(a.scopeRegionCode)!,
          providerId: a.providerId ?? null,
          passwordHash,
          isDemoPassword: true,
        })),
      )
      .onConflictDoNothing()
    await appendAudit(t, {
      action: 'system.demo_seeded',
      entityType: 'system',
      regionCode: DISTRICT_CODE,
      after: { regions: demoRegions.regions.length, users: accounts.length },
    })
  })
  const tools: TSeedTools = {
    actorFor: async (role, regionPrefix) => {
      const [user] = await findActiveUsersByRole(ctx.db, role, regionPrefix)
      return user ? actorForUser(ctx.db, user.id) : null
    },
  }
  if (opts.modules !== false) for (const m of apiModules) if (m.seed) await m.seed(ctx, tools)
}
