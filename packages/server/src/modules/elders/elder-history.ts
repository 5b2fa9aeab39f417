import { elderHistory } from './elders.tables.js'
import type { TxCtx } from '../../platform/context.js'
import type { TChange } from './elders.mapper.js'

export type THistorySource = 'web' | 'import' | 'assessment' | 'system' | 'merge'

export async function appendHistory(t: TxCtx, e: { elderId: string; regionCode: string; action: string; changes: TChange[]; source?: THistorySource }) {
  await t.tx.insert(elderHistory).values({
    elderId: e.elderId,
    regionCode: e.regionCode,
    action: e.action,
    changes: e.changes,
    source: e.source ?? 'web',
    actorId: t.actor?.userId ?? null,
    actorName: t.actor?.username ?? '系统',
    at: t.clock.now(),
  })
}
