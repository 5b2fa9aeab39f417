import { mealTimes, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { actorForUser, findActiveUsersByRole } from '../accounts/index.js'
import { activeEldersForSeed } from '../elders/index.js'
import { DEMO_CANTEEN, DEMO_CANTEEN_B, DEMO_PROVIDER, DEMO_PROVIDER_B } from '../providers/index.js'
import { requestOrder } from './request-order.js'
import { serveMeal } from './serve-meal.js'

const DAY = 86_400_000

/**
 * Demo meals through the real counter use case: for the five days before today, lunch and most
 * dinners at 东街敬老餐厅 and 南街长者饭堂 for a few elders of each street (today's counter starts
 * empty). And in streets A and B one elder with the same cleaning ordered twice today, so the
 * anomaly list has an open flag in each.
 */
export async function seedMeals(ctx: Ctx) {
  const admins = await findActiveUsersByRole(ctx.db, 'provider_admin', '620702')
  const actors = await Promise.all(admins.map((u) => actorForUser(ctx.db, u.id)))
  const now = ctx.clock.now()
  for (const [canteenId, street] of [
    [DEMO_CANTEEN.id, '620702001'],
    [DEMO_CANTEEN_B.id, '620702002'],
  ] as const) {
    const actor = actors.find((a) => a?.providerId === canteenId)
    if (!actor) continue
    const elders = await activeEldersForSeed(ctx, street, 8)
    for (let daysAgo = 5; daysAgo >= 1; daysAgo--) {
      const date = todayInShanghai(new Date(now.getTime() - daysAgo * DAY))
      for (const mealTime of mealTimes) {
        const base = Date.parse(`${date}T${mealTime === 'lunch' ? '11:30' : '17:30'}:00+08:00`)
        for (const [i, e] of elders.entries()) {
          if (mealTime === 'dinner' && (i + daysAgo) % 3 === 0) continue
          const at = { ...ctx, actor, clock: { now: () => new Date(base + i * 3 * 60_000) } }
          await serveMeal(at, { elderId: e.id, itemCode: 'ZC-001', mealTime, idempotencyKey: `seed:${canteenId}:${date}:${mealTime}:${e.id}` })
        }
      }
    }
  }
  const [bureauUser] = await findActiveUsersByRole(ctx.db, 'bureau_admin', '620702')
  const bureau = bureauUser ? await actorForUser(ctx.db, bureauUser.id) : null
  if (!bureau) return
  const today = todayInShanghai(now)
  for (const [providerId, street] of [
    [DEMO_PROVIDER.id, '620702001'],
    [DEMO_PROVIDER_B.id, '620702002'],
  ] as const) {
    const [e] = (await activeEldersForSeed(ctx, street, 40)).slice(-1)
    if (!e) continue
    for (const note of ['上午保洁', '家属又为下午申请了保洁'])
      await requestOrder(
        { ...ctx, actor: bureau },
        { elderId: e.id, providerId, itemCode: 'ZJ-001', serviceDate: today, quantity: 1, plannedMinutes: 60, requesterKind: 'family', note },
      )
  }
}
