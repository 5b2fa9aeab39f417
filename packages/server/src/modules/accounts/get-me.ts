import { eq } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { regionNames } from '../regions/index.js'
import { toMeResponse } from './accounts.mapper.js'
import { users } from './accounts.tables.js'

export async function getMe(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED')
  const [row] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId))
  if (!row) throw new AppError('UNAUTHENTICATED')
  const names = await regionNames(ctx.db, [row.scopeRegionCode])
  return toMeResponse(row, names.get(row.scopeRegionCode))
}
