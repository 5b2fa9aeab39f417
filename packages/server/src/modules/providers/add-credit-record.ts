import { appendAudit } from '../../platform/audit.js'
import { withTx, type Ctx, type TxCtx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { getProviderForWrite } from './providers.repo.js'
import type { TCreditRecordInput } from './providers.schemas.js'
import { creditRecords } from './providers.tables.js'
import { toCreditRecord } from './providers.mapper.js'

/** 信用记录 (seeds 001, 003): complaints upheld, violations, commendations and inspections, with points. */
export async function addCreditRecord(ctx: Ctx, providerId: string, input: TCreditRecordInput) {
  requirePermission(ctx.actor, 'provider:review')
  const actor = ctx.actor
  return withTx(ctx, async (t) => {
    const p = await getProviderForWrite(t.tx, actor, providerId)
    return insertCreditRecord(t, p.id, p.regionCode, input)
  })
}

/** The write itself, also used when an upheld complaint on an order feeds the record. */
export async function insertCreditRecord(t: TxCtx, providerId: string, regionCode: string, input: TCreditRecordInput) {
  const [row] = await t.tx
    .insert(creditRecords)
    .values({
      providerId,
      regionCode,
      kind: input.kind,
      points: input.points,
      note: input.note,
      orderId: input.orderId ?? null,
      recordedBy: t.actor?.userId ?? null,
    })
    .returning()
  await appendAudit(t, {
    action: 'provider.credit_recorded',
    entityType: 'provider',
    entityId: providerId,
    regionCode,
    after: { ...input, creditRecordId: row!.id },
  })
  return toCreditRecord(row!)
}
