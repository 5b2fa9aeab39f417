import { todayInShanghai } from '@yiyang/core'
import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { regionNames } from '../regions/index.js'
import { toElderDetail } from './elders.mapper.js'
import { getElderInScope } from './elders.repo.js'

export async function getElder(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'elder:read')
  const row = await getElderInScope(ctx.db, ctx.actor, id)
  const names = await regionNames(ctx.db, [row.regionCode])
  return toElderDetail(row, todayInShanghai(ctx.clock.now()), ctx.crypto, names.get(row.regionCode) ?? null)
}

/** The contract other modules (assessments, benefits) use: permission elder:read + scope, 404 otherwise. */
export async function getElderForActor(ctx: Ctx, elderId: string) {
  requirePermission(ctx.actor, 'elder:read')
  const row = await getElderInScope(ctx.db, ctx.actor, elderId)
  const d = toElderDetail(row, todayInShanghai(ctx.clock.now()), ctx.crypto, null)
  return {
    id: d.id,
    name: d.name,
    regionCode: d.regionCode,
    birthDate: d.birthDate,
    sex: d.sex,
    age: d.age,
    status: d.status,
    categories: d.categories,
    livingArrangement: d.livingArrangement,
    abilityLevel: d.abilityLevel,
    abilityScale: d.abilityScale,
  }
}
