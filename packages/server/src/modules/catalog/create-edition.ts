import { todayInShanghai } from '@yiyang/core'
import { and, count, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { appendAudit } from '../../platform/audit.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { getRegion } from '../regions/index.js'
import { editionAuditSnapshot } from './catalog.mapper.js'
import { activeItemsOf, editionsOut, loadVisibleEdition } from './catalog.repo.js'
import type { ZCreateEdition } from './catalog.schemas.js'
import { catalogEditions, catalogItems } from './catalog.tables.js'

/**
 * A new draft edition, empty or copied from an existing one (the region's previous edition, or
 * the parent's list as the start of a child list). Copied items start as 'unchanged'; every
 * change made to the draft then carries its reason.
 */
export async function createEdition(ctx: Ctx, input: z.infer<typeof ZCreateEdition>) {
  requirePermission(ctx.actor, 'catalog:manage')
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const base = input.basedOnId ? await loadVisibleEdition(t.tx, actor, input.basedOnId) : null
    if (base && base.status !== 'published')
      throw new AppError('VALIDATION_FAILED', '只能基于已发布的版本新建', [{ path: 'basedOnId', message: '请选择一个已发布的版本' }])
    const regionCode = input.regionCode ?? base?.regionCode ?? actor.scopeRegionCode
    const region = await getRegion(t.tx, regionCode)
    if (!region || !regionCode.startsWith(actor.scopePrefix))
      throw new AppError('VALIDATION_FAILED', '发布区划不存在或不在您的管辖范围内', [{ path: 'regionCode', message: '请选择您管辖范围内的区划' }])
    if (region.level === 'village')
      throw new AppError('VALIDATION_FAILED', '服务清单由县级及以上或街道（乡镇）发布', [{ path: 'regionCode', message: '请选择县区或街道' }])
    const [open] = await t.tx
      .select({ title: catalogEditions.title })
      .from(catalogEditions)
      .where(and(eq(catalogEditions.regionCode, regionCode), eq(catalogEditions.status, 'draft')))
    if (open) throw new AppError('CONFLICT', `该区划已有未发布的草稿“${open.title}”，请先发布或作废它`, [{ path: 'regionCode', message: '已有草稿' }])
    const [{ n } = { n: 0 }] = await t.tx
      .select({ n: count() })
      .from(catalogEditions)
      .where(and(eq(catalogEditions.regionCode, regionCode), eq(catalogEditions.year, input.year)))
    const versionLabel = Number(n) === 0 ? `${input.year}年版` : `${input.year}年第${Number(n) + 1}版`
    const title = input.title ?? `${region.name}基本养老服务清单（${versionLabel}）`
    const now = ctx.clock.now()
    const [created] = await t.tx
      .insert(catalogEditions)
      .values({
        regionCode,
        year: input.year,
        versionLabel,
        title,
        status: 'draft',
        basedOnId: base?.id ?? null,
        note: input.note,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    let itemCount = 0
    if (base) {
      const items = await activeItemsOf(t.tx, base.id)
      if (items.length) {
        await t.tx.insert(catalogItems).values(
          items.map((i) => ({
            editionId: created!.id,
            regionCode,
            code: i.code,
            name: i.name,
            category: i.category,
            content: i.content,
            standard: i.standard,
            unit: i.unit,
            priceFen: i.priceFen,
            target: i.target,
            payer: i.payer,
            legalBasis: i.legalBasis,
            sortOrder: i.sortOrder,
            change: 'unchanged' as const,
            reason: '',
            createdAt: now,
            updatedAt: now,
          })),
        )
      }
      itemCount = items.length
    }
    const [after] = itemCount ? await t.tx.update(catalogEditions).set({ itemCount }).where(eq(catalogEditions.id, created!.id)).returning() : [created!]
    await appendAudit(t, {
      action: 'catalog.edition_created',
      entityType: 'catalog_edition',
      entityId: after!.id,
      regionCode,
      after: editionAuditSnapshot(after!),
    })
    return after!
  })
  const [out] = await editionsOut(ctx, ctx.db, [row], todayInShanghai(ctx.clock.now()))
  return out!
}
