import { rowsOf } from '../../db/client.js'
import { disbursementBatchFlow } from '@yiyang/core'
import { and, eq, sql } from 'drizzle-orm'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { runStep } from '../../platform/workflow.js'
import { disbursementBatches } from './disbursement.tables.js'
import type { TDueLine, TDueSource } from './due-source.js'
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
      const added = await writeLines(t, held!, page.lines)
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

/**
 * Writes one page of lines and their ledger transactions, set-based (a few statements per page,
 * not per line). Lines already written by an earlier, interrupted run are skipped by the unique
 * index, and so are their ledger transactions (unique ref), so only new lines count.
 */
async function writeLines(t: TxCtx, batch: TBatch, lines: readonly TDueLine[]): Promise<{ count: number; fen: number }> {
  if (lines.length === 0) return { count: 0, fen: 0 }
  const inserted = rowsOf<{
    id: string
    elder_id: string
    region_code: string
    program_code: string
    program_name: string
    delivery: string
    fund_source: string
    amount_fen: string | number
  }>(
    await t.tx.execute(sql`
      insert into disbursement_lines (batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation)
      select ${batch.id}::uuid, ${batch.month}, x.elder_id, x.region_code, x.program_code, x.program_name, x.delivery, x.fund_source, x.amount_fen, x.explanation
      from jsonb_to_recordset(${JSON.stringify(lines.map(toRecord))}::jsonb)
        as x(elder_id uuid, region_code text, program_code text, program_name text, delivery text, fund_source text, amount_fen bigint, explanation text)
      on conflict (month, elder_id, program_code) where status <> 'reissued' do nothing
      returning id, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen`),
  )
  if (inserted.length === 0) return { count: 0, fen: 0 }
  const year = batch.month.slice(0, 4)
  const accounts = new Map<string, ReturnType<typeof budgetAccount>>()
  const txs: { ref: string; kind: string; memo: string; lineId: string }[] = []
  const postings: { ref: string; code: string; amount: number }[] = []
  let fen = 0
  for (const l of inserted) {
    const amount = Number(l.amount_fen)
    fen += amount
    const p = { elderId: l.elder_id, programCode: l.program_code, programName: l.program_name, regionCode: l.region_code }
    const budget = budgetAccount({ ...p, fundSource: l.fund_source, year, regionCode: batch.regionCode })
    const holder = l.delivery === 'cash' ? elderBenefitAccount(p) : elderCreditAccount(p)
    accounts.set(budget.code, budget)
    accounts.set(holder.code, holder)
    const ref = `line:${batch.month}:${l.elder_id}:${l.program_code}`
    txs.push({ ref, kind: l.delivery === 'cash' ? 'benefit_accrual' : 'credit_grant', memo: `${batch.month} ${l.program_name}`, lineId: l.id })
    postings.push({ ref, code: budget.code, amount }, { ref, code: holder.code, amount: -amount })
  }
  await t.tx.execute(sql`
    insert into ledger_accounts (code, kind, name, region_code, elder_id, program_code, fund_source, year)
    select x.code, x.kind, x.name, x.region_code, x.elder_id, x.program_code, x.fund_source, x.year
    from jsonb_to_recordset(${JSON.stringify(
      [...accounts.values()].map((a) => ({
        code: a.code,
        kind: a.kind,
        name: a.name,
        region_code: a.regionCode,
        elder_id: a.elderId ?? null,
        program_code: a.programCode ?? null,
        fund_source: a.fundSource ?? null,
        year: a.year ?? null,
      })),
    )}::jsonb) as x(code text, kind text, name text, region_code text, elder_id uuid, program_code text, fund_source text, year text)
    on conflict (code) do nothing`)
  const created = rowsOf<{ id: string; ref: string }>(
    await t.tx.execute(sql`
      insert into ledger_transactions (kind, ref, month, memo, created_by)
      select x.kind, x.ref, ${batch.month}, x.memo, ${t.actor?.userId ?? null}
      from jsonb_to_recordset(${JSON.stringify(txs)}::jsonb) as x(kind text, ref text, memo text)
      on conflict (ref) do nothing
      returning id, ref`),
  )
  if (created.length) {
    const lineOfRef = new Map(txs.map((x) => [x.ref, x.lineId]))
    const refs = JSON.stringify(created.map((c) => c.ref))
    const postingJson = JSON.stringify(postings)
    await t.tx.execute(sql`
      insert into ledger_postings (tx_id, account_id, amount_fen)
      select tr.id, a.id, x.amount
      from jsonb_to_recordset(${postingJson}::jsonb) as x(ref text, code text, amount bigint)
      join ledger_transactions tr on tr.ref = x.ref
      join ledger_accounts a on a.code = x.code
      where x.ref in (select jsonb_array_elements_text(${refs}::jsonb))`)
    await t.tx.execute(sql`
      update ledger_accounts a set balance_fen = a.balance_fen + d.total
      from (select x.code, sum(x.amount) as total
            from jsonb_to_recordset(${postingJson}::jsonb) as x(ref text, code text, amount bigint)
            where x.ref in (select jsonb_array_elements_text(${refs}::jsonb))
            group by x.code) d
      where a.code = d.code`)
    await t.tx.execute(sql`
      update disbursement_lines l set ledger_tx_id = x.id
      from jsonb_to_recordset(${JSON.stringify(created.map((c) => ({ id: c.id, line_id: lineOfRef.get(c.ref) })))}::jsonb) as x(id uuid, line_id uuid)
      where l.id = x.line_id`)
  }
  return { count: inserted.length, fen }
}

const toRecord = (l: TDueLine) => ({
  elder_id: l.elderId,
  region_code: l.regionCode,
  program_code: l.programCode,
  program_name: l.programName,
  delivery: l.delivery,
  fund_source: l.fundSource,
  amount_fen: l.amountFen,
  explanation: l.explanation,
})
