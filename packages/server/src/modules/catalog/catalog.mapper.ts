import { describeCatalogTarget, type TCatalogItemContent, type TCatalogTarget } from '@yiyang/core'
import { isoDate } from '../../platform/http.js'
import type { TEditionOut, TItemOut } from './catalog.schemas.js'
import type { catalogEditions, catalogItems } from './catalog.tables.js'

export type TEditionRow = typeof catalogEditions.$inferSelect
export type TItemRow = typeof catalogItems.$inferSelect

export function toEdition(
  r: TEditionRow,
  extra: { regionName: string | null; basedOnLabel: string | null; inForce: boolean; canManage: boolean },
): TEditionOut {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName: extra.regionName,
    year: r.year,
    versionLabel: r.versionLabel,
    title: r.title,
    status: r.status,
    effectiveDate: r.effectiveDate,
    basedOnId: r.basedOnId,
    basedOnLabel: extra.basedOnLabel,
    note: r.note,
    itemCount: r.itemCount,
    publishedAt: isoDate(r.publishedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    inForce: extra.inForce,
    canManage: extra.canManage,
  }
}

export const targetOf = (r: TItemRow): TCatalogTarget => {
  const t = (r.target ?? {}) as Partial<TCatalogTarget>
  return { categories: Array.isArray(t.categories) ? t.categories.map(String) : [], rule: t.rule ?? null }
}

export function toItem(r: TItemRow): TItemOut {
  const target = targetOf(r)
  return {
    id: r.id,
    editionId: r.editionId,
    code: r.code,
    name: r.name,
    category: r.category,
    content: r.content,
    standard: r.standard,
    unit: r.unit,
    priceFen: r.priceFen,
    target,
    targetText: describeCatalogTarget(target),
    payer: r.payer,
    legalBasis: r.legalBasis,
    change: r.change,
    reason: r.reason,
    updatedAt: r.updatedAt.toISOString(),
  }
}

/** The content a diff compares (and the audit keeps). */
export function itemContent(
  r: Pick<TItemRow, 'code' | 'name' | 'category' | 'content' | 'standard' | 'unit' | 'priceFen' | 'target' | 'payer' | 'legalBasis'>,
): TCatalogItemContent {
  return {
    code: r.code,
    name: r.name,
    category: r.category,
    content: r.content,
    standard: r.standard,
    unit: r.unit,
    priceFen: r.priceFen,
    target: targetOf(r as TItemRow),
    payer: r.payer,
    legalBasis: r.legalBasis,
  }
}

export const editionAuditSnapshot = (r: TEditionRow) => ({
  regionCode: r.regionCode,
  year: r.year,
  versionLabel: r.versionLabel,
  title: r.title,
  status: r.status,
  effectiveDate: r.effectiveDate,
  basedOnId: r.basedOnId,
  itemCount: r.itemCount,
})
