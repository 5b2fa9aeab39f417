import type { Ctx } from '../../platform/context.js'
import { requirePermission } from '../../platform/permissions.js'
import { verifyLedger } from './verify-ledger.js'

/** The ledger check from the UI; whole-ledger figures, so district-wide readers only. */
export async function verifyLedgerForActor(ctx: Ctx) {
  requirePermission(ctx.actor, 'ledger:reverse')
  const r = await verifyLedger(ctx.db)
  return { ok: r.ok, postings: r.postings, problem: r.ok ? null : r.problem }
}
