import type { TMealTime, TOrderFlag, TOrderFlagStatus } from '@yiyang/core'
import { http, type Page } from '../../api/client'
import { downloadFile } from '../elders/api'
import type {
  TCanteenStatement as CanteenStatement,
  TMealCanteen as MealCanteen,
  TMealCounts as MealCounts,
  TMealElderCard as MealElderCard,
  TMealLookupResult as MealLookupResult,
  TMealReceipt as MealReceipt,
  TOrderFlagItem as OrderFlagItem,
  TResolvedFlag as ResolvedFlag,
} from '@yiyang/server/contract'
export type { CanteenStatement, MealCanteen, MealCounts, MealElderCard, MealReceipt, OrderFlagItem }

export const mealKeys = {
  all: ['meals'] as const,
  canteen: ['meals', 'canteen'] as const,
  counts: (date: string) => ['meals', 'counts', date] as const,
  statement: (month: string) => ['meals', 'statement', month] as const,
  flags: (q: FlagQuery) => ['order-flags', q] as const,
}

export const fetchCanteen = () => http.get<MealCanteen>('/meals/canteen')
/** POST: the ID number stays out of URLs and access logs. */
export const lookupElder = (text: string) => http.post<MealLookupResult>('/meals/lookup', { text })
export const serveMeal = (input: { elderId: string; itemCode: string; mealTime: TMealTime; idempotencyKey: string }) => http.post<MealReceipt>('/meals', input)
export const fetchCounts = (date: string) => http.get<MealCounts>('/meals/counts', { date })
export const fetchStatement = (month: string) => http.get<CanteenStatement>('/meals/statement', { month })
export const downloadCanteenStatement = (month: string) => downloadFile('/meals/statement.xlsx', `助餐结算单-${month}.xlsx`, { month }, { post: true })

export type FlagQuery = { q?: string; status?: TOrderFlagStatus; flag?: TOrderFlag; page: number; pageSize: number }
export const fetchFlags = (q: FlagQuery) => http.get<Page<OrderFlagItem>>('/order-flags', { ...q })
export const resolveFlag = (id: string, note: string, version: number) =>
  http.post<ResolvedFlag>(`/order-flags/${encodeURIComponent(id)}/resolve`, { note, version })
