import { addDays, demoHomeLocation, maskIdNumber, makeIdNumber, todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import type { TSeedTools } from '../../platform/module.js'
import { itemsInForce } from '../catalog/index.js'
import { caregiverCertificates, caregivers, providers } from './providers.tables.js'

export const DEMO_PROVIDER = { id: '00000000-0000-4000-8000-000000000001', name: '康乐居家养老服务中心', regionCode: '620702000000' } as const
/** A canteen of street A (敬老餐厅) and a provider of street B only, so provider scope has someone else's records to hide. */
export const DEMO_CANTEEN = { id: '00000000-0000-4000-8000-000000000002', name: '东街敬老餐厅', regionCode: '620702001000' } as const
export const DEMO_PROVIDER_B = { id: '00000000-0000-4000-8000-000000000003', name: '南街居家照护服务社', regionCode: '620702002000' } as const

/** The demo provider the seeded provider admin and caregiver belong to (registered before the accounts). */
export async function seedProviders(db: DbOrTx) {
  await db
    .insert(providers)
    .values({ ...DEMO_PROVIDER, status: 'active', serviceArea: ['620702000000'], serviceAreaPrefixes: ['620702'] })
    .onConflictDoNothing()
}

/**
 * Module seed: the demo providers' registration details, their service items from the list in
 * force, and caregivers — the seeded caregiver login with valid certificates, one whose
 * certificate runs out within the month, one expired and one still awaiting the background check.
 */
export async function seedProviderDetails(ctx: Ctx, tools: TSeedTools) {
  const today = todayInShanghai(ctx.clock.now())
  const items = await itemsInForce(ctx, { regionCode: DEMO_PROVIDER.regionCode, date: today })
  const asItems = (codes?: string[]) =>
    items
      .filter((i) => !codes || codes.includes(i.code))
      .map((i) => ({ itemCode: i.code, itemName: i.name, priceFen: i.priceFen, standardPriceFen: i.priceFen, reason: null }))
  await ctx.db
    .update(providers)
    .set({
      uscc: '91620702MA0000001B',
      legalRepresentative: '张建国',
      contactPhone: '0936-8211234',
      address: '甘州区东街88号',
      siteLat: 38.9312,
      siteLng: 100.4578,
      kind: 'home_care',
      serviceItems: asItems(),
    })
    .where(eq(providers.id, DEMO_PROVIDER.id))
  await ctx.db
    .insert(providers)
    .values({
      ...DEMO_CANTEEN,
      status: 'active',
      kind: 'canteen',
      siteLat: 38.9361,
      siteLng: 100.4668,
      uscc: '52620702MJ00000020',
      legalRepresentative: '马红梅',
      serviceArea: ['620702001000'],
      serviceAreaPrefixes: ['620702001'],
      serviceItems: asItems(['ZC-001']),
    })
    .onConflictDoNothing()
  await ctx.db
    .insert(providers)
    .values({
      ...DEMO_PROVIDER_B,
      status: 'active',
      kind: 'home_care',
      uscc: '91620702MA0000003H',
      siteLat: 38.9186,
      siteLng: 100.4489,
      legalRepresentative: '陈卫东',
      serviceArea: ['620702002000'],
      serviceAreaPrefixes: ['620702002'],
      serviceItems: asItems(['ZJ-001', 'HL-001']),
    })
    .onConflictDoNothing()
  const login = await tools.actorFor('caregiver', '620702')
  const people = [
    {
      name: '李秀兰',
      userId: login?.userId ?? null,
      skills: ['cleaning', 'nursing', 'meal', 'bath'],
      check: 'passed',
      certs: [
        ['cleaning', 365],
        ['nursing', 365],
        ['meal', 200],
        ['bath', 20],
      ],
    },
    { name: '王芳', userId: null, skills: ['cleaning'], check: 'passed', certs: [['cleaning', 18]] },
    { name: '赵建华', userId: null, skills: ['nursing'], check: 'passed', certs: [['nursing', -10]] },
    { name: '孙丽', userId: null, skills: ['cleaning', 'meal'], check: 'pending', certs: [['cleaning', 300]] },
    {
      name: '周梅',
      userId: null,
      skills: ['cleaning', 'nursing'],
      check: 'passed',
      certs: [
        ['cleaning', 300],
        ['nursing', 300],
      ],
      providerB: true,
    },
  ] as const
  for (const [i, p] of people.entries()) {
    const idNumber = makeIdNumber('620702', `19${75 + i}-0${i + 3}-1${i}`, 100 + i)
    const [row] = await ctx.db
      .insert(caregivers)
      .values({
        providerId: 'providerB' in p ? DEMO_PROVIDER_B.id : DEMO_PROVIDER.id,
        regionCode: 'providerB' in p ? DEMO_PROVIDER_B.regionCode : DEMO_PROVIDER.regionCode,
        userId: p.userId,
        name: p.name,
        idHash: ctx.crypto.lookupHash(idNumber),
        idEnc: ctx.crypto.encrypt(idNumber),
        idMasked: maskIdNumber(idNumber),
        skills: [...p.skills],
        trainingHours: 40 + i * 16,
        backgroundCheck: p.check,
        backgroundCheckDate: p.check === 'passed' ? addDays(today, -90) : null,
        shift: i % 2 ? '下午班 13:00-18:00' : '上午班 8:00-12:00',
        ...caregiverHome(i),
      })
      .onConflictDoNothing()
      .returning()
    if (!row) continue
    await ctx.db.insert(caregiverCertificates).values(
      p.certs.map(([skill, days], k) => ({
        caregiverId: row.id,
        providerId: row.providerId,
        regionCode: row.regionCode,
        number: `YLHL-2025-${String(1000 + i * 10 + k)}`,
        level: k === 0 ? 'intermediate' : 'junior',
        skill,
        expiresOn: addDays(today, days),
      })),
    )
  }
}

/** Demo caregivers live in the town's streets (issue 20 item 1): a home in one urban community each. */
function caregiverHome(i: number) {
  const communities = ['620702001001', '620702002002', '620702003001', '620702004002', '620702005001']
  const p = demoHomeLocation(communities[i % communities.length]!, 500 + i)
  return p ? { homeLat: p.lat, homeLng: p.lng } : {}
}
