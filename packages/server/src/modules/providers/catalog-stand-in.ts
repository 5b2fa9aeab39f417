/**
 * TEMPORARY STAND-IN for the service list (module `catalog`, branch `catalog`, being built in
 * parallel). It answers with the signature the catalog will export through catalog/index.ts:
 * `itemInForce(t, { regionCode, itemCode, serviceDate })` and `itemsInForce(t, { regionCode, date })`.
 * Delete this file once catalog lands on main and import those two from '../catalog/index.js'.
 */
import type { DbOrTx } from '../../db/client.js'

export type TCatalogItemInForce = {
  editionId: string
  editionVersionLabel: string
  code: string
  name: string
  category: string
  unit: string
  priceFen: number
  payer: string
}

const EDITION = { editionId: 'stand-in-2026', editionVersionLabel: '2026年版（临时清单）' }
const items: Omit<TCatalogItemInForce, 'editionId' | 'editionVersionLabel'>[] = [
  { code: 'ZC-001', name: '助餐（午餐）', category: 'meal', unit: '餐', priceFen: 1500, payer: 'shared' },
  { code: 'ZJ-001', name: '居家保洁', category: 'cleaning', unit: '小时', priceFen: 3500, payer: 'shared' },
  { code: 'ZY-001', name: '上门助浴', category: 'bath', unit: '次', priceFen: 6000, payer: 'shared' },
  { code: 'HL-001', name: '生活照料', category: 'nursing', unit: '小时', priceFen: 4000, payer: 'shared' },
  { code: 'ZYI-001', name: '陪同就医', category: 'medical', unit: '次', priceFen: 5000, payer: 'shared' },
  { code: 'ZJI-001', name: '紧急援助', category: 'emergency', unit: '次', priceFen: 3000, payer: 'government' },
]

export async function itemInForce(
  _t: { tx?: DbOrTx; db?: DbOrTx } | unknown,
  q: { regionCode: string; itemCode: string; serviceDate: string },
): Promise<TCatalogItemInForce | null> {
  const item = items.find((i) => i.code === q.itemCode)
  return item && q.serviceDate >= '2026-01-01' ? { ...EDITION, ...item } : null
}

export async function itemsInForce(_t: unknown, q: { regionCode: string; date: string }): Promise<TCatalogItemInForce[]> {
  return q.date >= '2026-01-01' ? items.map((i) => ({ ...EDITION, ...i })) : []
}
