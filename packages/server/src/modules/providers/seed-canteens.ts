import { todayInShanghai } from '@yiyang/core'
import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { itemsInForce } from '../catalog/index.js'
import { providers } from './providers.tables.js'
import { DEMO_CANTEEN } from './seed-providers.js'

/** The district's central kitchen (中央厨房, S002: canteens supplied by a food-safe central kitchen). */
export const DEMO_KITCHEN = { id: '00000000-0000-4000-8000-000000000004', name: '甘州区颐养中央厨房', regionCode: '620702000000' } as const
/** A canteen of street B with its own kitchen, so canteen scope has someone else's meals to hide. */
export const DEMO_CANTEEN_B = { id: '00000000-0000-4000-8000-000000000005', name: '南街长者饭堂', regionCode: '620702002000' } as const

/**
 * Module seed (meal aid, issue 19 item 5): the central kitchen, 东街敬老餐厅 supplied by it and
 * 南街长者饭堂 cooking for itself, each canteen offering the list's dine-in meal (ZC-001) at the
 * standard price.
 */
export async function seedCanteens(ctx: Ctx) {
  const today = todayInShanghai(ctx.clock.now())
  const items = await itemsInForce(ctx, { regionCode: DEMO_CANTEEN.regionCode, date: today })
  const meals = items
    .filter((i) => i.code === 'ZC-001')
    .map((i) => ({ itemCode: i.code, itemName: i.name, priceFen: i.priceFen, standardPriceFen: i.priceFen, reason: null }))
  await ctx.db
    .insert(providers)
    .values({
      ...DEMO_KITCHEN,
      status: 'active',
      kind: 'canteen',
      uscc: '91620702MA0000005P',
      legalRepresentative: '杨志强',
      contactPhone: '0936-8215566',
      address: '甘州区工业园区食品路6号',
      serviceArea: ['620702000000'],
      serviceAreaPrefixes: ['620702'],
      serviceItems: [],
    })
    .onConflictDoNothing()
  await ctx.db
    .update(providers)
    .set({ suppliedBy: DEMO_KITCHEN.id, address: '甘州区东街县府街社区服务中心一楼', contactPhone: '0936-8213300' })
    .where(eq(providers.id, DEMO_CANTEEN.id))
  await ctx.db
    .insert(providers)
    .values({
      ...DEMO_CANTEEN_B,
      status: 'active',
      kind: 'canteen',
      uscc: '52620702MJ0000006C',
      legalRepresentative: '何玉兰',
      contactPhone: '0936-8217788',
      address: '甘州区南街街道日间照料中心',
      serviceArea: ['620702002000'],
      serviceAreaPrefixes: ['620702002'],
      serviceItems: meals,
    })
    .onConflictDoNothing()
}
