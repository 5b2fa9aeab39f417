import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { and, eq, like } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { benefitFileDir } from './add-verification.js'
import { benefitFiles } from './benefits.tables.js'

/** A verification photo, in scope only. */
export async function getBenefitFile(ctx: Ctx, id: string) {
  requirePermission(ctx.actor, 'benefit:read')
  const [f] = await ctx.db
    .select()
    .from(benefitFiles)
    .where(and(eq(benefitFiles.id, id), like(benefitFiles.regionCode, scopeLike(ctx.actor.scopePrefix))))
  if (!f) throw new AppError('NOT_FOUND')
  const body = await readFile(join(benefitFileDir(ctx), f.id)).catch(() => null)
  if (!body) throw new AppError('NOT_FOUND', '文件已不存在')
  return { mime: f.mime, body }
}
