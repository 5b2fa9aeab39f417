import {
  catalogChangeKindLabels,
  catalogEditionStatusLabels,
  fenToYuanString,
  serviceCategories,
  serviceCategoryLabels,
  servicePayerLabels,
  servicePayers,
  serviceUnitLabels,
  serviceUnits,
} from '@yiyang/core'
import type { Tone } from '../../shared/StatusTag'

export const statusTone: Record<keyof typeof catalogEditionStatusLabels, Tone> = { draft: 'warning', published: 'success', discarded: 'neutral' }
export const changeTone: Record<keyof typeof catalogChangeKindLabels, Tone> = { unchanged: 'neutral', added: 'success', changed: 'warning', removed: 'danger' }

export const categoryOptions = serviceCategories.map((c) => ({ value: c, label: serviceCategoryLabels[c] }))
export const unitOptions = serviceUnits.map((u) => ({ value: u, label: serviceUnitLabels[u] }))
export const payerOptions = servicePayers.map((p) => ({ value: p, label: servicePayerLabels[p] }))

/** "15.00 元/餐" */
export const priceText = (fen: number, unit: string) => `${fenToYuanString(fen)} 元/${(serviceUnitLabels as Record<string, string>)[unit] ?? unit}`

export { catalogChangeKindLabels, catalogEditionStatusLabels, serviceCategoryLabels, servicePayerLabels, serviceUnitLabels }
