import { randomUUID } from 'node:crypto'
import { rowsOf } from '../../db/client.js'
import { disbursementBatchFlow, nextMonth } from '@yiyang/core'
import { and, eq, sql } from 'drizzle-orm'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { runStep } from '../../platform/workflow.js'
import { disbursementBatches } from './disbursement.tables.js'
import type { TBackPayDue, TDueLine, TDueSource } from './due-source.js'
import { budgetAccount, elderBenefitAccount, elderCreditAccount } from './ledger-accounts.js'
import { lapseServiceCredits } from './lapse-service-credits.js'

export type TMonthRunResult = { month: string; batchId: string; lines: number; totalFen: number; status: string }
export type TMonthRunOptions = {
  month: string
  regionCode: string
  source: TDueSource
  /** Who holds the lease: a process or job id. */
  owner: string
  chunkSize?: number
  leaseMs?: number
  onProgress?: (done: number, total: number) => void
  /** Programmes whose credits carry over; given, last month's other credits lapse first. */
  carriesOver?: (programCode: string) => boolean
}

/** "YYYY-MM" of the month before. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

type TBatch = typeof disbursementBatches.$inferSelect

/**
 * Computes one month for a region (issue 18 item 2): creates the month's batch or resumes an
 * unfinished one, streams what is owed in pages and, per page in one transaction, writes the
 * lines, posts them to the ledger and moves the cursor. A crash (even kill -9) loses at most the
 * page in flight, which the next run redoes; the unique (month, elder, programme) index and the
 * ledger's unique refs make a double payment impossible whatever happens. A lease keeps a second
 * runner out while the first is alive: it gets BUSY (the CLI's exit 3).
 */
export async function runMonth(ctx: Ctx, o: TMonthRunOptions): Promise<TMonthRunResult> {
  const chunk = o.chunkSize ?? 1000
  const leaseMs = o.leaseMs ?? 60_000
  let batch = await openBatch(ctx, o.month, o.regionCode)
  if (batch.status !== 'computing') return summary(batch)
  batch = await takeLease(ctx, batch, o.owner, leaseMs)
  // Last month's unspent credits lapse before this month's are granted (idempotent per account).
  if (o.carriesOver) await withTx(ctx, (t) => lapseServiceCredits(t, { month: previousMonth(o.month), carriesOver: o.carriesOver! }))
  if (batch.linesTotal === 0 && batch.cursor === null) {
    const total = await o.source.count(ctx.db, { month: o.month, regionPrefix: o.regionCode })
    ;[batch] = await ctx.db.update(disbursementBatches).set({ linesTotal: total }).where(eq(disbursementBatches.id, batch.id)).returning()
  }
  let cursor = batch.cursor
  for (;;) {
    const page = await o.source.page(ctx.db, { month: o.month, regionPrefix: o.regionCode, after: cursor, limit: chunk })
    batch = await withTx(ctx, async (t) => {
      const [held] = await t.tx.select().from(disbursementBatches).where(eq(disbursementBatches.id, batch.id)).for('update')
      if (held!.leaseOwner !== o.owner) throw new AppError('CONFLICT', '发放计算的租约已被其他进程接管，本进程停止')
      const regular = page.lines.map((l): TLineToWrite => ({ ...l, kind: 'regular', periodFrom: batch.month, periodTo: batch.month }))
      const added = await writeLines(t, held!, [...regular, ...(await backPayLines(t, page.backPay ?? []))])
      const [next] = await t.tx
        .update(disbursementBatches)
        .set({
          cursor: page.cursor ?? cursor,
          linesDone: sql`${disbursementBatches.linesDone} + ${added.count}`,
          totalFen: sql`${disbursementBatches.totalFen} + ${added.fen}`,
          leaseUntil: new Date(t.clock.now().getTime() + leaseMs),
          updatedAt: t.clock.now(),
        })
        .where(eq(disbursementBatches.id, batch.id))
        .returning()
      return next!
    })
    o.onProgress?.(batch.linesDone, Math.max(batch.linesTotal, batch.linesDone))
    if (page.cursor === null) break
    cursor = page.cursor
  }
  batch = await withTx(ctx, async (t) => {
    const [before] = await t.tx.select().from(disbursementBatches).where(eq(disbursementBatches.id, batch.id)).for('update')
    return runStep(t, {
      table: disbursementBatches,
      step: disbursementBatchFlow.finishComputing,
      before: before!,
      patch: { linesTotal: before!.linesDone, leaseOwner: null, leaseUntil: null },
      audit: {
        action: 'disbursement.computed',
        entityType: 'disbursement_batch',
        snapshot: (r) => ({ month: r.month, regionCode: r.regionCode, lines: r.linesDone, totalFen: r.totalFen, status: r.status }),
      },
    })
  })
  return summary(batch)
}

const summary = (b: TBatch): TMonthRunResult => ({ month: b.month, batchId: b.id, lines: b.linesDone, totalFen: b.totalFen, status: b.status })

async function openBatch(ctx: Ctx, month: string, regionCode: string): Promise<TBatch> {
  await ctx.db.insert(disbursementBatches).values({ month, regionCode, seq: 1 }).onConflictDoNothing()
  const [b] = await ctx.db
    .select()
    .from(disbursementBatches)
    .where(and(eq(disbursementBatches.month, month), eq(disbursementBatches.regionCode, regionCode), eq(disbursementBatches.seq, 1)))
  return b!
}

async function takeLease(ctx: Ctx, b: TBatch, owner: string, leaseMs: number): Promise<TBatch> {
  const now = ctx.clock.now()
  const [held] = await ctx.db
    .update(disbursementBatches)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(disbursementBatches.id, b.id),
        eq(disbursementBatches.status, 'computing'),
        sql`(${disbursementBatches.leaseUntil} is null or ${disbursementBatches.leaseUntil} < ${now} or ${disbursementBatches.leaseOwner} = ${owner})`,
      ),
    )
    .returning()
  if (!held) throw new AppError('BUSY', `${b.month} 的发放正在由另一进程计算，请等待其完成后再运行`)
  return held
}

/** A line to write: what is owed, and which months it pays. */
type TLineToWrite = TDueLine & { kind: 'regular' | 'back_pay'; periodFrom: string; periodTo: string }

const yuan = (fen: number) => (fen / 100).toFixed(2)

/**
 * Back pay (补发) as lines: the months owed that no line has paid yet, cut into segments of
 * consecutive months at one amount (a band change starts a new segment), one line each with its
 * months, amount a month and the basis in the explanation.
 */
async function backPayLines(t: TxCtx, owed: readonly TBackPayDue[]): Promise<TLineToWrite[]> {
  if (owed.length === 0) return []
  const paid = rowsOf<{ elder_id: string; program_code: string; month: string }>(
    await t.tx.execute(sql`
      select c.elder_id, c.program_code, c.month from disbursement_line_months c
        join unnest(${pgArray(owed.map((o) => o.elderId))}::uuid[], ${pgArray(owed.map((o) => o.programCode))}::text[]) as x(elder_id, program_code)
          on c.elder_id = x.elder_id and c.program_code = x.program_code`),
  )
  const isPaid = new Set(paid.map((p) => `${p.elder_id}:${p.program_code}:${p.month}`))
  const out: TLineToWrite[] = []
  for (const o of owed) {
    const months = o.months.filter((m) => !isPaid.has(`${o.elderId}:${o.programCode}:${m.month}`))
    const segments: (typeof months)[] = []
    for (const m of months) {
      const last = segments[segments.length - 1]
      const prev = last?.[last.length - 1]
      if (last && prev && nextMonth(prev.month) === m.month && prev.amountFen === m.amountFen) last.push(m)
      else segments.push([m])
    }
    for (const seg of segments) {
      const first = seg[0]!
      const last = seg[seg.length - 1]!
      const basis = first.basis === last.basis ? first.basis : `${first.basis}至${last.basis}`
      const months = first.month === last.month ? first.month : `${first.month}至${last.month}`
      out.push({
        elderId: o.elderId,
        regionCode: o.regionCode,
        programCode: o.programCode,
        programName: o.programName,
        delivery: o.delivery,
        fundSource: o.fundSource,
        benefitId: o.benefitId ?? null,
        applicationId: o.applicationId ?? null,
        amountFen: first.amountFen * seg.length,
        explanation: `${o.programName}补发 ${months}，共${seg.length}个月，每月${yuan(first.amountFen)}元（按${basis}）`,
        kind: 'back_pay',
        periodFrom: first.month,
        periodTo: last.month,
      })
    }
  }
  return out
}

/** A PostgreSQL array literal of text values (quoted), for `unnest(…::T[])`: one parameter per column however many rows. */
function pgArray(values: readonly (string | number | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`
}

/**
 * Writes one page of lines and their ledger, set-based: three statements per page whatever its
 * size. The first inserts the lines (a line whose months some line already paid, or that an
 * interrupted run already wrote, is skipped: unique index and paid-months check); for the lines
 * just inserted, the second creates or moves the accounts by the page's total per account, and
 * the third records their months (primary key: a month is never paid twice — a conflict aborts
 * the page), their transactions and postings.
 */
async function writeLines(t: TxCtx, batch: TBatch, all: readonly TLineToWrite[]): Promise<{ count: number; fen: number }> {
  if (all.length === 0) return { count: 0, fen: 0 }
  const lineIds = all.map(() => randomUUID())
  const txIds = all.map(() => randomUUID())
  const col = <K extends keyof TLineToWrite>(k: K) => pgArray(all.map((l) => l[k] as string | number | null | undefined))
  const inserted = new Set(
    rowsOf<{ id: string }>(
      await t.tx.execute(sql`
        insert into disbursement_lines (id, batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen,
                                        explanation, ledger_tx_id, kind, period_from, period_to, benefit_id, application_id)
        select x.id, ${batch.id}::uuid, ${batch.month}, x.elder_id, x.region_code, x.program_code, x.program_name, x.delivery, x.fund_source, x.amount_fen,
               x.explanation, x.tx_id, x.kind, x.period_from, x.period_to, x.benefit_id, x.application_id
          from unnest(${pgArray(lineIds)}::uuid[], ${pgArray(txIds)}::uuid[], ${col('elderId')}::uuid[], ${col('regionCode')}::text[], ${col('programCode')}::text[],
                      ${col('programName')}::text[], ${col('delivery')}::text[], ${col('fundSource')}::text[], ${col('amountFen')}::bigint[], ${col('explanation')}::text[],
                      ${col('kind')}::text[], ${col('periodFrom')}::text[], ${col('periodTo')}::text[], ${col('benefitId')}::uuid[], ${col('applicationId')}::uuid[])
            as x(id, tx_id, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation, kind, period_from, period_to, benefit_id, application_id)
         where not exists (select 1 from disbursement_line_months c
                            where c.elder_id = x.elder_id and c.program_code = x.program_code and c.month between x.period_from and x.period_to)
        on conflict (month, elder_id, program_code, period_from) where status <> 'reissued' do nothing
        returning id`),
    ).map((r) => r.id),
  )
  const idx = lineIds.flatMap((id, i) => (inserted.has(id) ? [i] : []))
  if (idx.length === 0) return { count: 0, fen: 0 }
  const year = batch.month.slice(0, 4)
  const rows = idx.map((i) => {
    const l = all[i]!
    const p = { elderId: l.elderId, programCode: l.programCode, programName: l.programName, regionCode: l.regionCode }
    const budget = budgetAccount({ ...p, fundSource: l.fundSource, year, regionCode: batch.regionCode })
    const holder = l.delivery === 'cash' ? elderBenefitAccount(p) : elderCreditAccount(p)
    const ref = l.kind === 'regular' ? `line:${batch.month}:${l.elderId}:${l.programCode}` : `line:${batch.month}:${l.elderId}:${l.programCode}:${l.periodFrom}`
    const memo = l.kind === 'regular' ? `${batch.month} ${l.programName}` : `${batch.month} ${l.programName}补发 ${l.periodFrom}至${l.periodTo}`
    return { l, lineId: lineIds[i]!, txId: txIds[i]!, budget, holder, ref, memo }
  })
  const arr = (f: (r: (typeof rows)[number]) => string | number | null | undefined) => pgArray(rows.map(f))
  // The accounts, created or moved by the page's total per account, in one upsert.
  const accountIds = new Map(
    rowsOf<{ id: string; code: string }>(
      await t.tx.execute(sql`
        insert into ledger_accounts (code, kind, name, region_code, elder_id, program_code, fund_source, year, balance_fen)
        select code, min(kind), min(name), min(region_code), (array_agg(elder_id))[1], min(program_code), min(fund_source), min(year), sum(amount_fen)
          from (select * from unnest(${arr((r) => r.holder.code)}::text[], ${arr((r) => r.holder.kind)}::text[], ${arr((r) => r.holder.name)}::text[],
                                     ${arr((r) => r.l.regionCode)}::text[], ${arr((r) => r.l.elderId)}::uuid[], ${arr((r) => r.l.programCode)}::text[],
                                     ${arr(() => null)}::text[], ${arr(() => null)}::text[], ${arr((r) => -r.l.amountFen)}::bigint[])
                  as h(code, kind, name, region_code, elder_id, program_code, fund_source, year, amount_fen)
                union all
                select * from unnest(${arr((r) => r.budget.code)}::text[], ${arr(() => 'budget')}::text[], ${arr((r) => r.budget.name)}::text[],
                                     ${arr(() => batch.regionCode)}::text[], ${arr(() => null)}::uuid[], ${arr((r) => r.l.programCode)}::text[],
                                     ${arr((r) => r.l.fundSource)}::text[], ${arr(() => year)}::text[], ${arr((r) => r.l.amountFen)}::bigint[])
                  as b(code, kind, name, region_code, elder_id, program_code, fund_source, year, amount_fen)) s
         group by code
        on conflict (code) do update set balance_fen = ledger_accounts.balance_fen + excluded.balance_fen
        returning id, code`),
    ).map((a) => [a.code, a.id]),
  )
  // The months paid, one transaction per line and its two postings, in one statement.
  await t.tx.execute(sql`
    with x as (
      select * from unnest(${arr((r) => r.lineId)}::uuid[], ${arr((r) => r.txId)}::uuid[], ${arr((r) => r.l.elderId)}::uuid[], ${arr((r) => r.l.programCode)}::text[],
                           ${arr((r) => r.l.periodFrom)}::text[], ${arr((r) => r.l.periodTo)}::text[], ${arr((r) => r.l.amountFen)}::bigint[],
                           ${arr((r) => accountIds.get(r.budget.code))}::uuid[], ${arr((r) => accountIds.get(r.holder.code))}::uuid[],
                           ${arr((r) => (r.l.delivery === 'cash' ? 'benefit_accrual' : 'credit_grant'))}::text[], ${arr((r) => r.ref)}::text[], ${arr((r) => r.memo)}::text[])
        as x(line_id, tx_id, elder_id, program_code, period_from, period_to, amount_fen, budget_id, holder_id, tx_kind, ref, memo)),
    cov as (
      insert into disbursement_line_months (elder_id, program_code, month, line_id)
      select x.elder_id, x.program_code, to_char(m, 'YYYY-MM'), x.line_id
        from x, generate_series((x.period_from || '-01')::date, (x.period_to || '-01')::date, interval '1 month') m
      returning 1),
    txs as (
      insert into ledger_transactions (id, kind, ref, month, memo, created_by)
      select x.tx_id, x.tx_kind, x.ref, ${batch.month}, x.memo, ${t.actor?.userId ?? null} from x
      returning 1)
    insert into ledger_postings (tx_id, account_id, amount_fen)
    select x.tx_id, v.account_id, v.amount_fen
      from x cross join lateral (values (x.budget_id, x.amount_fen), (x.holder_id, -x.amount_fen)) as v(account_id, amount_fen)
     where (select count(*) from cov) >= 0 and (select count(*) from txs) >= 0`)
  return { count: rows.length, fen: rows.reduce((s, r) => s + r.l.amountFen, 0) }
}
