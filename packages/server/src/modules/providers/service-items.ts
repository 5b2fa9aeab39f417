import type { TxCtx } from '../../platform/context.js'
import { AppError, fieldError } from '../../platform/errors.js'
import { itemInForce } from '../catalog/index.js'
import type { TProviderServiceItem } from './providers.tables.js'

/**
 * A provider's service items come from the service list in force; each price is at most the
 * standard price, or carries the reason it is higher (issue 19 item 1).
 */
export async function resolveServiceItems(
  t: TxCtx,
  regionCode: string,
  today: string,
  input: { itemCode: string; priceFen: number; reason?: string | null }[],
): Promise<TProviderServiceItem[]> {
  const out: TProviderServiceItem[] = []
  const seen = new Set<string>()
  for (const [i, it] of input.entries()) {
    if (seen.has(it.itemCode)) throw fieldError(`serviceItems.${i}.itemCode`, '服务项目重复')
    seen.add(it.itemCode)
    const item = await itemInForce(t, { regionCode, itemCode: it.itemCode, serviceDate: today })
    if (!item) throw fieldError(`serviceItems.${i}.itemCode`, '该服务项目不在现行服务清单中')
    const reason = it.reason?.trim() || null
    if (it.priceFen > item.priceFen && !reason)
      throw fieldError(`serviceItems.${i}.reason`, `价格高于清单标准价（${(item.priceFen / 100).toFixed(2)} 元），请说明原因`)
    out.push({ itemCode: item.code, itemName: item.name, priceFen: it.priceFen, standardPriceFen: item.priceFen, reason })
  }
  return out
}

export const duplicateUscc = () => new AppError('CONFLICT', '该统一社会信用代码已登记', [{ path: 'uscc', message: '该统一社会信用代码已登记' }])
