import {
  catalogEditionFlow,
  catalogEvents,
  isDateString,
  missingParentItems,
  missingParentItemsMessage,
  pickEditionInForce,
  regionAncestors,
  todayInShanghai,
} from '@yiyang/core'
import { and, eq, gte } from 'drizzle-orm'
import type { z } from 'zod'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { requirePermission } from '../../platform/permissions.js'
import { runStep } from '../../platform/workflow.js'
import { editionAuditSnapshot } from './catalog.mapper.js'
import { activeItemsOf, assertEditableDraft, editionsOut, loadVisibleEdition, publishedEditionsOf } from './catalog.repo.js'
import type { ZPublish } from './catalog.schemas.js'
import { catalogEditions } from './catalog.tables.js'

/**
 * Publishes a draft from its effective date. The list must not be empty, must take effect after
 * the region's current list (and not in the past: orders already priced stay priced), and must
 * cover every item of the parent list in force on that date (S003).
 */
export async function publishEdition(ctx: Ctx, id: string, input: z.infer<typeof ZPublish>, opts: { allowPastDate?: boolean } = {}) {
  requirePermission(ctx.actor, catalogEditionFlow.publish.permission)
  const actor = ctx.actor
  const row = await withTx(ctx, async (t) => {
    const before = await loadVisibleEdition(t.tx, actor, id, { forUpdate: true })
    assertEditableDraft(actor, before)
    if (before.version !== input.version) throw new AppError('CONFLICT', '该清单已被他人修改，请刷新后重试')
    const date = input.effectiveDate
    if (!isDateString(date)) throw new AppError('VALIDATION_FAILED', '生效日期不是有效日期', [{ path: 'effectiveDate', message: '请选择有效日期' }])
    const today = todayInShanghai(ctx.clock.now())
    if (date < today && !opts.allowPastDate)
      throw new AppError('VALIDATION_FAILED', `生效日期不能早于今天（${today}）`, [{ path: 'effectiveDate', message: '不能早于今天' }])
    const [later] = await t.tx
      .select({ title: catalogEditions.title, effectiveDate: catalogEditions.effectiveDate })
      .from(catalogEditions)
      .where(and(eq(catalogEditions.regionCode, before.regionCode), eq(catalogEditions.status, 'published'), gte(catalogEditions.effectiveDate, date)))
    if (later)
      throw new AppError('VALIDATION_FAILED', `生效日期须晚于已发布的“${later.title}”的生效日期（${later.effectiveDate}）`, [
        { path: 'effectiveDate', message: `须晚于 ${later.effectiveDate}` },
      ])
    const items = await activeItemsOf(t.tx, before.id)
    if (!items.length) throw new AppError('VALIDATION_FAILED', '清单中还没有服务项目，不能发布', [{ path: 'items', message: '请先添加服务项目' }])
    const ancestors = regionAncestors(before.regionCode).reverse()
    const parent = pickEditionInForce(await publishedEditionsOf(t.tx, ancestors, date), ancestors, date)
    if (parent) {
      const missing = missingParentItems(
        await activeItemsOf(t.tx, parent.id),
        items.map((i) => i.code),
      )
      if (missing.length) {
        const message = missingParentItemsMessage(missing, parent.title)
        throw new AppError('VALIDATION_FAILED', message, [{ path: 'items', message }])
      }
    }
    return runStep(t, {
      table: catalogEditions,
      step: catalogEditionFlow.publish,
      before,
      version: input.version,
      patch: { effectiveDate: date, publishedAt: ctx.clock.now(), publishedBy: actor.userId, itemCount: items.length },
      audit: {
        action: 'catalog.edition_published',
        entityType: 'catalog_edition',
        snapshot: editionAuditSnapshot,
        extra: { parentEditionId: parent?.id ?? null },
      },
      event: {
        type: catalogEvents.published,
        payload: (r) => ({ editionId: r.id, regionCode: r.regionCode, effectiveDate: r.effectiveDate, versionLabel: r.versionLabel }),
      },
    })
  })
  const [out] = await editionsOut(ctx, ctx.db, [row], todayInShanghai(ctx.clock.now()))
  return out!
}
