import { maskPhone } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import type { TActor } from '../../platform/permissions.js'
import { eldersByPhone } from '../elders/index.js'

/**
 * The caller's phone (normalised by core) against the registry: one active elder whose own
 * phone it is → that elder and their region; several (a shared home phone) → no elder chosen,
 * the smallest region holding them all; none → the hotline centre's region (HOTLINE_REGION_CODE).
 */
export async function findCaller(ctx: Ctx, actor: TActor | null, phone: string) {
  const found = await eldersByPhone(ctx, actor, phone)
  let regionCode = ctx.config.alarms.hotlineRegionCode
  if (found.length === 1) regionCode = found[0]!.regionCode
  else if (found.length > 1) {
    const common = found.reduce((p, r) => {
      let k = 0
      while (k < p.length && p[k] === r.regionCode[k]) k++
      return p.slice(0, k)
    }, found[0]!.regionCode)
    const level = [12, 9, 6, 4, 2].find((n) => n <= common.length) ?? 2
    regionCode = common.slice(0, level).padEnd(12, '0')
  }
  return {
    elderId: found.length === 1 ? found[0]!.id : null,
    candidates: found,
    regionCode,
    phoneEnc: ctx.crypto.encrypt(phone),
    phoneHash: ctx.crypto.lookupHash(phone),
    phoneMasked: maskPhone(phone),
  }
}
