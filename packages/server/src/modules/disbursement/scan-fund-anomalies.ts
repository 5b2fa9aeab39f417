import { applicationStatusLabels, fenToYuanString, isPaymentMonth, type TApplicationStatus } from '@yiyang/core'
import { and, eq, like, ne, sql } from 'drizzle-orm'
import { rowsOf } from '../../db/client.js'
import type { Ctx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { appendAudit } from '../../platform/audit.js'
import { fieldError } from '../../platform/errors.js'
import { requirePermission, scopeLike } from '../../platform/permissions.js'
import { paymentChecks } from '../benefits/index.js'
import { elderStatusDates } from '../elders/index.js'
import { disbursementLines, fundAnomalies } from './disbursement.tables.js'
import { programmesForChecks } from './programmes-for-checks.js'

type TFlag = typeof fundAnomalies.$inferInsert
const endLabel: Record<string, string> = { deceased: '死亡', moved_out: '迁出' }

/**
 * Runs the fund checks for one month in the actor's scope (issue 18 item 5) and records each
 * finding once, with its explanation. Re-running adds only new findings.
 */
export async function scanFundAnomalies(ctx: Ctx, input: { month: string }) {
  requirePermission(ctx.actor, 'disbursement:check')
  if (!isPaymentMonth(input.month)) throw fieldError('month', '月份应为 YYYY-MM')
  const month = input.month
  const lines = await ctx.db
    .select()
    .from(disbursementLines)
    .where(
      and(eq(disbursementLines.month, month), ne(disbursementLines.status, 'reissued'), like(disbursementLines.regionCode, scopeLike(ctx.actor.scopePrefix))),
    )
  const programmes = await programmesForChecks(ctx.db)
  const byCode = new Map(programmes.map((p) => [p.code, p]))
  const flags: TFlag[] = []
  const flag = (f: Omit<TFlag, 'month'>) => flags.push({ ...f, month })

  // Paid for a month after the one the elder died or moved out in.
  const statuses = await elderStatusDates(
    ctx.db,
    lines.map((l) => l.elderId),
  )
  for (const l of lines) {
    const s = statuses.get(l.elderId)
    // A back-pay line pays earlier months: only months after the end count.
    if (!s || s.status === 'active' || !s.statusDate || s.statusDate.slice(0, 7) >= l.periodTo) continue
    flag({
      key: `paid_after_end:${l.id}`,
      kind: 'paid_after_end',
      regionCode: l.regionCode,
      elderId: l.elderId,
      lineId: l.id,
      detail: `老人已于 ${s.statusDate} ${endLabel[s.status] ?? '销户'}，应从次月停发，但仍有 ${month} 的${l.programName} ${fenToYuanString(l.amountFen)} 元`,
    })
  }

  // Two programmes of one exclusivity group in the same month (择高申领 broken).
  const byElder = new Map<string, typeof lines>()
  for (const l of lines) byElder.set(l.elderId, [...(byElder.get(l.elderId) ?? []), l])
  for (const [elderId, own] of byElder) {
    const groups = new Map<string, typeof lines>()
    for (const l of own) {
      const g = byCode.get(l.programCode)?.group
      if (g) groups.set(g, [...(groups.get(g) ?? []), l])
    }
    for (const [g, same] of groups) {
      if (same.length < 2) continue
      flag({
        key: `exclusive_group_twice:${month}:${elderId}:${g}`,
        kind: 'exclusive_group_twice',
        regionCode: same[0]!.regionCode,
        elderId,
        lineId: same[0]!.id,
        detail: `同一互斥组的 ${same.map((l) => `${l.programName}（${fenToYuanString(l.amountFen)} 元）`).join('、')} 在 ${month} 同时发放，只应享受金额最高的一项`,
      })
    }
  }

  // More than the programme ever pays in a month.
  for (const l of lines) {
    const p = byCode.get(l.programCode)
    if (!p) continue
    const max = Math.max(...p.amount.tiers.map((t) => t.amountFen))
    if (l.amountFen <= max) continue
    flag({
      key: `above_maximum:${l.id}`,
      kind: 'above_maximum',
      regionCode: l.regionCode,
      elderId: l.elderId,
      lineId: l.id,
      detail: `${l.programName} ${month} 发放 ${fenToYuanString(l.amountFen)} 元，超过项目每月上限 ${fenToYuanString(max)} 元`,
    })
  }

  // The application behind a paid benefit (through the benefits module): not approved, or under
  // an objection to its 公示 during the month paid. Lines without a benefit link are not checked.
  const checks = await paymentChecks(ctx.db, {
    applicationIds: lines.flatMap((l) => (l.benefitId && l.applicationId ? [l.applicationId] : [])),
    month,
  })
  for (const l of lines) {
    if (!l.benefitId) continue
    const c = l.applicationId ? checks.get(l.applicationId) : undefined
    const paid = `${l.programName} ${month} 发放 ${fenToYuanString(l.amountFen)} 元`
    if (!c || !c.approved) {
      const state = c?.status ? `申请状态为“${applicationStatusLabels[c.status as TApplicationStatus] ?? c.status}”` : '找不到对应的申请'
      flag({
        key: `no_approved_application:${l.id}`,
        kind: 'no_approved_application',
        regionCode: l.regionCode,
        elderId: l.elderId,
        lineId: l.id,
        detail: `${paid}，但该待遇没有已批准的申请（${state}）`,
      })
    }
    if (c && c.openObjections > 0) {
      flag({
        key: `paid_during_objection:${l.id}`,
        kind: 'paid_during_objection',
        regionCode: l.regionCode,
        elderId: l.elderId,
        lineId: l.id,
        detail: `${paid}，而该申请公示期间收到的 ${c.openObjections} 件异议在 ${month} 尚未核查完毕`,
      })
    }
  }

  // One bank account receiving for three or more elders paid this month.
  const elderIds = [...byElder.keys()]
  if (elderIds.length) {
    const shared = rowsOf<{ hash: string; last4: string; elders: string[]; region_code: string }>(
      await ctx.db.execute(sql`
        select account_number_hash as hash, min(account_number_last4) as last4, array_agg(elder_id::text order by elder_id) as elders, min(region_code) as region_code
          from elder_bank_accounts
         where account_number_hash in (select account_number_hash from elder_bank_accounts where elder_id in (select jsonb_array_elements_text(${JSON.stringify(elderIds)}::jsonb)::uuid))
         group by account_number_hash having count(distinct elder_id) >= 3`),
    )
    for (const s of shared) {
      flag({
        key: `shared_bank_account:${month}:${s.hash}`,
        kind: 'shared_bank_account',
        regionCode: s.region_code,
        elderId: s.elders[0]!,
        lineId: null,
        detail: `尾号 ${s.last4} 的银行账户登记为 ${s.elders.length} 位老人的代发账户，请核实是否为同一家庭或监护人代领`,
      })
    }
  }

  return withTx(ctx, async (t) => {
    const created = flags.length
      ? await t.tx.insert(fundAnomalies).values(flags).onConflictDoNothing({ target: fundAnomalies.key }).returning({ id: fundAnomalies.id })
      : []
    await appendAudit(t, {
      action: 'disbursement.anomalies_scanned',
      entityType: 'fund_anomaly',
      regionCode: ctx.actor!.scopePrefix,
      after: { month, checkedLines: lines.length, found: flags.length, new: created.length },
    })
    return { month, checkedLines: lines.length, found: flags.length, created: created.length }
  })
}
