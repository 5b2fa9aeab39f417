import { addDays, todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { actorForUser, findActiveUsersByRole } from '../accounts/index.js'
import { eldersInScopeForRules } from '../elders/index.js'
import { DEMO_PROVIDER, DEMO_PROVIDER_B, caregiverIdOfUser, checkedCaregiverIds } from '../providers/index.js'
import { acceptOrder } from './accept-order.js'
import { assignOrder } from './assign-order.js'
import { checkInOrder } from './check-in-order.js'
import { checkOutOrder } from './check-out-order.js'
import { confirmOrder } from './confirm-order.js'
import { recordService } from './record-service.js'
import { requestOrder } from './request-order.js'
import { settleOrder } from './settle-order.js'

const DAY = 86_400_000
/** Zhangye (甘州区) centre; homes are spread a few hundred metres around it. */
const HOME = { lat: 38.9255, lng: 100.4498 }

/**
 * Demo orders walked through the real use cases (timeline, audit and events exist): in every
 * street one visit a week ago, settled and rated; one today assigned to the demo caregiver;
 * one today waiting for the provider.
 */
export async function seedOrders(ctx: Ctx) {
  const [bureauUser] = await findActiveUsersByRole(ctx.db, 'bureau_admin', '620702')
  const providerUsers = await findActiveUsersByRole(ctx.db, 'provider_admin', '620702')
  const providerActors = await Promise.all(providerUsers.map((u) => actorForUser(ctx.db, u.id)))
  const providerUser = providerActors.find((a) => a?.providerId === DEMO_PROVIDER.id)
  const [caregiverUser] = await findActiveUsersByRole(ctx.db, 'caregiver', '620702')
  if (!bureauUser || !providerUser || !caregiverUser) return
  const provider = providerUser
  const [bureau, caregiver] = await Promise.all([bureauUser, caregiverUser].map((u) => actorForUser(ctx.db, u.id)))
  const caregiverId = await caregiverIdOfUser(ctx.db, caregiverUser.id)
  const [caregiverB] = await checkedCaregiverIds(ctx.db, DEMO_PROVIDER_B.id)
  if (!bureau || !provider || !caregiver || !caregiverId || !caregiverB) return
  const now = ctx.clock.now()
  const today = todayInShanghai(now)
  const byStreet = new Map<string, string[]>()
  for await (const batch of eldersInScopeForRules(ctx.db, '620702', today, 500)) {
    for (const e of batch) {
      if (e.facts.status !== 'active') continue
      const list = byStreet.get(e.regionCode.slice(0, 9)) ?? []
      if (list.length < 3) list.push(e.elderId)
      byStreet.set(e.regionCode.slice(0, 9), list)
    }
  }
  const at = (base: Date, minutes: number) => ({ ...ctx, clock: { now: () => new Date(base.getTime() + minutes * 60_000) } })
  // 09:00 in Shanghai on the day `daysAgo` before today.
  const nineAm = (daysAgo: number) => new Date(Date.parse(`${todayInShanghai(new Date(now.getTime() - daysAgo * DAY))}T09:00:00+08:00`))
  let n = 0
  // One caregiver's visits follow each other (65 minutes apart from 07:30): no overlap flags in the demo.
  const slot = new Map<string, number>()
  const nextSlot = (key: string) => {
    const i = slot.get(key) ?? 0
    slot.set(key, i + 1)
    return i
  }
  for (const [street, elders] of byStreet) {
    // Street B (南街) is served by its own provider, worked here by the bureau on its behalf.
    const inB = street === DEMO_PROVIDER_B.regionCode.slice(0, 9)
    const p = inB
      ? { providerId: DEMO_PROVIDER_B.id, admin: bureau, visitor: bureau, caregiverId: caregiverB }
      : { providerId: DEMO_PROVIDER.id, admin: provider, visitor: caregiver, caregiverId }
    for (const [k, elderId] of elders.entries()) {
      n++
      const home = { homeLat: HOME.lat + (n % 7) * 0.002, homeLng: HOME.lng + (n % 5) * 0.002 }
      const itemCode = n % 3 === 0 ? 'HL-001' : 'ZJ-001'
      if (k === 0) {
        const day = new Date(nineAm(7).getTime() + (nextSlot(`past:${p.caregiverId}`) * 65 - 90) * 60_000)
        const serviceDate = todayInShanghai(day)
        const o = await requestOrder(
          { ...at(day, -120), actor: bureau },
          {
            elderId,
            providerId: p.providerId,
            itemCode,
            serviceDate,
            windowStart: day.toISOString(),
            quantity: 1,
            plannedMinutes: 60,
            requesterKind: 'community_worker',
            ...home,
          },
        )
        await acceptOrder({ ...at(day, -100), actor: p.admin }, o.id)
        await assignOrder({ ...at(day, -90), actor: p.admin }, o.id, { caregiverId: p.caregiverId })
        await checkInOrder({ ...at(day, 5), actor: p.visitor }, o.id, { lat: home.homeLat + 0.0003, lng: home.homeLng })
        await recordService({ ...at(day, 60), actor: p.visitor }, o.id, { itemsDone: ['清洁地面', '整理床铺'], notes: '老人精神良好', risks: [] })
        await checkOutOrder({ ...at(day, 66), actor: p.visitor }, o.id)
        await confirmOrder({ ...at(day, 180), actor: bureau }, o.id, { rating: 5 - (n % 3), comment: n % 3 ? '服务认真' : '很满意', by: 'family' })
        await settleOrder({ ...at(day, 24 * 60), actor: bureau }, o.id)
      } else {
        const start = new Date(nineAm(0).getTime() + (k === 1 ? nextSlot(`today:${p.caregiverId}`) * 65 - 90 : 8 * 60) * 60_000)
        const o = await requestOrder(
          { ...ctx, actor: bureau },
          {
            elderId,
            providerId: p.providerId,
            itemCode,
            serviceDate: today,
            windowStart: start.toISOString(),
            quantity: 1.5,
            plannedMinutes: 60,
            requesterKind: 'hotline',
            ...home,
          },
        )
        if (k === 1) {
          await acceptOrder({ ...ctx, actor: p.admin }, o.id)
          await assignOrder({ ...ctx, actor: p.admin }, o.id, { caregiverId: p.caregiverId })
        }
      }
    }
  }
  // Tomorrow's accepted orders of the demo provider: the dispatcher plans the day in one click (dispatch, issue 20).
  const tomorrow = addDays(today, 1)
  const ours = [...byStreet].filter(([street]) => street !== DEMO_PROVIDER_B.regionCode.slice(0, 9)).flatMap(([, list]) => list)
  const slots = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:30']
  for (const [i, hhmm] of slots.entries()) {
    const elderId = ours[i % Math.max(1, ours.length)]
    if (!elderId) break
    const o = await requestOrder(
      { ...ctx, actor: bureau },
      {
        elderId,
        providerId: DEMO_PROVIDER.id,
        itemCode: i % 3 === 1 ? 'HL-001' : 'ZJ-001',
        serviceDate: tomorrow,
        windowStart: new Date(Date.parse(`${tomorrow}T${hhmm}:00+08:00`)).toISOString(),
        quantity: 1,
        plannedMinutes: 45,
        requesterKind: 'community_worker',
        homeLat: HOME.lat + ((i * 37) % 11) * 0.0015,
        homeLng: HOME.lng + ((i * 53) % 13) * 0.0015,
      },
    )
    await acceptOrder({ ...ctx, actor: provider }, o.id)
  }
}
