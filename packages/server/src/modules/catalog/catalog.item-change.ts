import { changedItemFields, describeCatalogTarget, elderCategories, validateRule, type TCatalogChangeKind, type TCatalogItemContent } from '@yiyang/core'
import { and, eq, max, ne } from 'drizzle-orm'
import { appendAudit } from '../../platform/audit.js'
import type { TxCtx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import type { TActor } from '../../platform/permissions.js'
import { updateVersioned } from '../../platform/workflow.js'
import { itemContent, type TItemRow } from './catalog.mapper.js'
import { assertEditableDraft, countSql, loadVisibleEdition } from './catalog.repo.js'
import { catalogEditions, catalogItems } from './catalog.tables.js'

type TContentInput = Omit<TCatalogItemContent, 'code'>

/** Target groups: known elder categories, and a rule in core's rule language (Chinese errors). */
export function checkTarget(target: TContentInput['target']): TContentInput['target'] {
  const bad = target.categories.filter((c) => !(elderCategories as readonly string[]).includes(c))
  if (bad.length) throw new AppError('VALIDATION_FAILED', `未知的老年人类别：${bad.join('、')}`, [{ path: 'target.categories', message: '请从列表中选择类别' }])
  if (target.rule === null || target.rule === undefined) return { categories: [...new Set(target.categories)], rule: null }
  const v = validateRule(target.rule)
  if (!v.ok)
    throw new AppError('VALIDATION_FAILED', `服务对象规则有误：${v.errors.map((e) => e.message).join('；')}`, [
      { path: 'target.rule', message: v.errors[0]!.message },
    ])
  return { categories: [...new Set(target.categories)], rule: v.rule }
}

/**
 * One change to one item of a draft: add, change or remove. The kind of change is worked out
 * against the edition the draft was copied from (an item set back to what it was is
 * 'unchanged' again; an item added and then removed in the same draft leaves no trace), and a
 * real change to a copied edition needs its reason. Bumps the edition's version and item count.
 */
export async function changeDraftItem(
  t: TxCtx,
  actor: TActor,
  editionId: string,
  op:
    | { kind: 'add'; code: string; content: TContentInput; reason: string }
    | { kind: 'update'; code: string; content: TContentInput; reason: string }
    | { kind: 'remove'; code: string; reason: string },
) {
  const edition = await loadVisibleEdition(t.tx, actor, editionId, { forUpdate: true })
  assertEditableDraft(actor, edition)
  const [current] = await t.tx
    .select()
    .from(catalogItems)
    .where(and(eq(catalogItems.editionId, edition.id), eq(catalogItems.code, op.code)))
  const [baseItem] = edition.basedOnId
    ? await t.tx
        .select()
        .from(catalogItems)
        .where(and(eq(catalogItems.editionId, edition.basedOnId), eq(catalogItems.code, op.code), ne(catalogItems.change, 'removed')))
    : []
  const live = current && current.change !== 'removed' ? current : undefined
  if (op.kind === 'add' && live) throw new AppError('CONFLICT', `项目编码 ${op.code} 已在本清单中（${live.name}）`, [{ path: 'code', message: '编码已存在' }])
  if (op.kind !== 'add' && !live) throw new AppError('NOT_FOUND', `本清单中没有编码为 ${op.code} 的项目`)

  const content: TCatalogItemContent | null = op.kind === 'remove' ? null : { ...op.content, code: op.code, target: checkTarget(op.content.target) }
  let change: TCatalogChangeKind
  if (!baseItem) change = content ? 'added' : 'removed'
  else if (!content) change = 'removed'
  else change = changedItemFields(itemContent(baseItem), content).length ? 'changed' : 'unchanged'
  const needsReason = !!edition.basedOnId && change !== 'unchanged'
  if (needsReason && op.reason.length < 2)
    throw new AppError('VALIDATION_FAILED', '请填写变更原因（至少2个字）', [{ path: 'reason', message: '请填写变更原因' }])
  const reason = change === 'unchanged' ? '' : op.reason
  const now = t.clock.now()

  let after: TItemRow | null = null
  if (!content && !baseItem) {
    // Added in this draft and removed again: nothing to keep.
    await t.tx.delete(catalogItems).where(eq(catalogItems.id, current!.id))
  } else if (!content) {
    ;[after] = await t.tx.update(catalogItems).set({ change, reason, updatedAt: now }).where(eq(catalogItems.id, current!.id)).returning()
  } else if (current) {
    ;[after] = await t.tx
      .update(catalogItems)
      .set({ ...content, change, reason, updatedAt: now })
      .where(eq(catalogItems.id, current.id))
      .returning()
  } else {
    const [{ m } = { m: 0 }] = await t.tx
      .select({ m: max(catalogItems.sortOrder) })
      .from(catalogItems)
      .where(eq(catalogItems.editionId, edition.id))
    ;[after] = await t.tx
      .insert(catalogItems)
      .values({
        ...content,
        editionId: edition.id,
        regionCode: edition.regionCode,
        sortOrder: Number(m ?? 0) + 10,
        change,
        reason,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
  }
  const [{ n } = { n: 0 }] = await t.tx
    .select({ n: countSql })
    .from(catalogItems)
    .where(and(eq(catalogItems.editionId, edition.id), ne(catalogItems.change, 'removed')))
  await updateVersioned(t, catalogEditions, edition.id, edition.version, { itemCount: Number(n) })
  const snap = (r: TItemRow | undefined | null) => (r ? { ...itemContent(r), target: describeCatalogTarget(itemContent(r).target), change: r.change } : null)
  await appendAudit(t, {
    action: op.kind === 'add' ? 'catalog.item_added' : op.kind === 'update' ? 'catalog.item_changed' : 'catalog.item_removed',
    entityType: 'catalog_edition',
    entityId: edition.id,
    regionCode: edition.regionCode,
    before: snap(live),
    after: { ...(snap(after) ?? { code: op.code, change }), reason },
  })
  return after
}
