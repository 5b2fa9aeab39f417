/**
 * The duplicate check on ID numbers without the oracle (issue 16 item 1). The check must look
 * across all regions (one number, one record), but what it says outside the actor's scope is only
 * that the number is registered elsewhere and whom to ask: no region, no name. Every hit is
 * audited, and out-of-scope hits are budgeted per user per hour: beyond the budget every
 * duplicate-checked write answers 429 whether or not the number exists, so the answer says nothing.
 *
 * The budget is counted from the audit rows themselves: the evidence is the counter, so it holds
 * across processes and restarts and cannot drift from what the audit shows.
 */
import { and, eq, gt, sql } from 'drizzle-orm'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { auditLog } from '../../platform/audit.tables.js'
import { AppError } from '../../platform/errors.js'
import { rowsOf } from '../../db/client.js'
import { duplicateError, regionLabel, type TDuplicate } from './elders.repo.js'

/** Out-of-scope hits a user may have in one hour before duplicate-checked writes are refused. */
export const DUPLICATE_HITS_PER_HOUR = 20
/** An import with this many out-of-scope hits is an audit event of its own (a probe, or a wrong file). */
export const DUPLICATE_PROBE_THRESHOLD = 10
export const DUPLICATE_HITS_ACTION = 'elder.duplicate_hits'

export const outOfScopeDuplicateMessage = '该身份证号已在其他辖区登记，请联系区民政局核实'
export const duplicateRateLimitMessage = '一小时内身份证号查重命中其他辖区的次数过多，已暂停建档、修改身份证号和导入，请一小时后再试；如需核实请联系区民政局'

const HOUR_MS = 3_600_000

/** Out-of-scope hits of the current user in the last hour (from the audit log). */
export async function recentDuplicateHits(ctx: Ctx): Promise<number> {
  const actor = ctx.actor!
  const since = new Date(ctx.clock.now().getTime() - HOUR_MS)
  const res = await ctx.db.execute(sql`
    select coalesce(sum((${auditLog.after}->>'outOfScopeHits')::int), 0)::int as n from ${auditLog}
    where ${and(eq(auditLog.actorUsername, actor.username), eq(auditLog.actorId, actor.userId), eq(auditLog.action, DUPLICATE_HITS_ACTION), gt(auditLog.at, since))}`)
  return Number(rowsOf<{ n: number | string }>(res)[0]?.n ?? 0)
}

export const rateLimited = () => new AppError('RATE_LIMITED', duplicateRateLimitMessage, [{ path: 'idNumber', message: duplicateRateLimitMessage }])

/** Before any duplicate lookup: a user over the budget is refused whatever the number. */
export async function assertDuplicateBudget(ctx: Ctx, source: 'create' | 'update' | 'import'): Promise<void> {
  const used = await recentDuplicateHits(ctx)
  if (used < DUPLICATE_HITS_PER_HOUR) return
  await withTx(ctx, (t) =>
    appendAudit(t, {
      action: 'elder.duplicate_rate_limited',
      entityType: 'elder',
      regionCode: ctx.actor!.scopeRegionCode,
      after: { source, hitsInLastHour: used },
    }),
  )
  throw rateLimited()
}

export const isOutOfScope = (ctx: Ctx, d: Pick<TDuplicate, 'regionCode'>) => !d.regionCode.startsWith(ctx.actor!.scopePrefix)

/**
 * Audits the hits of one attempt in its own transaction, so that the row commits although the
 * write it belongs to is refused or rolled back.
 */
export async function auditDuplicateHits(
  ctx: Ctx,
  hit: {
    source: 'create' | 'update' | 'import'
    outOfScopeHits: number
    inScopeHits: number
    entityType?: string
    entityId?: string | null
    rejected: boolean
    rows?: number
  },
) {
  if (hit.outOfScopeHits + hit.inScopeHits === 0) return
  const { entityType = 'elder', entityId = null, ...after } = hit
  await withTx(ctx, async (t) => {
    await appendAudit(t, { action: DUPLICATE_HITS_ACTION, entityType, entityId, regionCode: ctx.actor!.scopeRegionCode, after })
    if (hit.outOfScopeHits >= DUPLICATE_PROBE_THRESHOLD) {
      await appendAudit(t, {
        action: 'elder.duplicate_probe_suspected',
        entityType,
        entityId,
        regionCode: ctx.actor!.scopeRegionCode,
        after: { source: hit.source, outOfScopeHits: hit.outOfScopeHits, rows: hit.rows ?? null },
      })
    }
  })
}

/**
 * The error for a single write (create or update) that met an existing number: audited first;
 * inside the scope it names the community (the actor can see that record anyway), outside it
 * says only "elsewhere".
 */
export async function duplicateRefusal(ctx: Ctx, source: 'create' | 'update', d: TDuplicate, entityId?: string): Promise<AppError> {
  const outside = isOutOfScope(ctx, d)
  await auditDuplicateHits(ctx, { source, outOfScopeHits: outside ? 1 : 0, inScopeHits: outside ? 0 : 1, entityId: entityId ?? null, rejected: true })
  if (outside) return new AppError('DUPLICATE_ID_NUMBER', outOfScopeDuplicateMessage, [{ path: 'idNumber', message: outOfScopeDuplicateMessage }])
  if (d.mergedInto) {
    const msg = '该身份证号的档案已合并到其他档案，请在系统中核对'
    return new AppError('DUPLICATE_ID_NUMBER', msg, [{ path: 'idNumber', message: msg }])
  }
  return duplicateError(await regionLabel(ctx.db, d.regionCode))
}
