import { defaultVisitRules, type TVisitRules } from '@yiyang/core'
import type { DbOrTx } from '../../db/client.js'
import { orderSettings } from './orders.tables.js'
import type { TOrderSettings } from './orders.schemas.js'

export const DEFAULT_AUTO_CONFIRM_DAYS = 3

export const defaultOrderSettings: TOrderSettings = {
  maxDistanceM: defaultVisitRules.maxDistanceM,
  minSharePercent: Math.round(defaultVisitRules.minShareOfPlanned * 100),
  lateGraceMinutes: defaultVisitRules.lateGraceMinutes,
  autoConfirmDays: DEFAULT_AUTO_CONFIRM_DAYS,
}

export async function loadOrderSettings(db: DbOrTx): Promise<TOrderSettings> {
  const [r] = await db.select().from(orderSettings)
  return r
    ? { maxDistanceM: r.maxDistanceM, minSharePercent: r.minSharePercent, lateGraceMinutes: r.lateGraceMinutes, autoConfirmDays: r.autoConfirmDays }
    : defaultOrderSettings
}

export const visitRulesOf = (s: TOrderSettings): TVisitRules => ({
  maxDistanceM: s.maxDistanceM,
  minShareOfPlanned: s.minSharePercent / 100,
  lateGraceMinutes: s.lateGraceMinutes,
})
