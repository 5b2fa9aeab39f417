import { rowsOf } from '../../db/client.js'
import { disbursementBatchFlow, nextMonth } from '@yiyang/core'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Ctx, TxCtx } from '../../platform/context.js'
import { withTx } from '../../platform/context.js'
import { AppError } from '../../platform/errors.js'
import { runStep } from '../../platform/workflow.js'
import { disbursementBatches } from './disbursement.tables.js'
import type { TBackPayDue, TDueLine, TDueSource } from './due-source.js'
import { budgetAccountSql, holderAccountSql } from './ledger-accounts.js'
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
    const q = { month: o.month, regionPrefix: o.regionCode, after: cursor, limit: chunk }
    // A source that can give its page as SQL is written in the database (one statement a page);
    // otherwise its lines come through the process.
    const listed = o.source.pageSql ? null : await o.source.page(ctx.db, q)
    let next: string | null = null
    batch = await withTx(ctx, async (t) => {
      const [held] = await t.tx.select().from(disbursementBatches).where(eq(disbursementBatches.id, batch.id)).for('update')
      if (held!.leaseOwner !== o.owner) throw new AppError('CONFLICT', '发放计算的租约已被其他进程接管，本进程停止')
      let added: TWritten
      if (listed) {
        const regular = listed.lines.map((l): TLineToWrite => ({ ...l, kind: 'regular', periodFrom: batch.month, periodTo: batch.month }))
        added = await writeLines(t, held!, [...regular, ...(await backPayLines(t, listed.backPay ?? []))])
        next = listed.cursor
      } else {
        const page = await writePage(t, held!, o.source.pageSql!(q))
        const owed = page.late.length && o.source.backPay ? await o.source.backPay(t.tx, { month: o.month, benefitIds: page.late }) : []
        const back = await writeLines(t, held!, await backPayLines(t, owed))
        added = { count: page.count + back.count, fen: page.fen + back.fen }
        next = page.rows < chunk ? null : page.last
      }
      const [after] = await t.tx
        .update(disbursementBatches)
        .set({
          cursor: next ?? cursor,
          linesDone: sql`${disbursementBatches.linesDone} + ${added.count}`,
          totalFen: sql`${disbursementBatches.totalFen} + ${added.fen}`,
          leaseUntil: new Date(t.clock.now().getTime() + leaseMs),
          updatedAt: t.clock.now(),
        })
        .where(eq(disbursementBatches.id, batch.id))
        .returning()
      return after!
    })
    o.onProgress?.(batch.linesDone, Math.max(batch.linesTotal, batch.linesDone))
    if (next === null) break
    cursor = next
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
 * A random uuid whose first 32 bits are the clock in milliseconds: the ids of one run's lines and
 * transactions fall next to each other in their primary keys (and the postings' transaction
 * index), so a page writes a few index pages instead of one random page per line. 90 random bits
 * stay, so ids remain unguessable and unique.
 */
export const timeOrderedUuid = sql`overlay(gen_random_uuid()::text placing lpad(to_hex(((extract(epoch from clock_timestamp()) * 1000)::bigint % 4294967296)), 8, '0') from 1 for 8)::uuid`

type TWritten = { count: number; fen: number }

/** Lines computed in the process (a list source, back pay), written through the same statement as a SQL page. */
async function writeLines(t: TxCtx, batch: TBatch, all: readonly TLineToWrite[]): Promise<TWritten> {
  if (all.length === 0) return { count: 0, fen: 0 }
  const col = <K extends keyof TLineToWrite>(k: K) => pgArray(all.map((l) => l[k] as string | number | null | undefined))
  const lines = sql`select * from unnest(${col('elderId')}::uuid[], ${col('regionCode')}::text[], ${col('programCode')}::text[], ${col('programName')}::text[],
                                         ${col('delivery')}::text[], ${col('fundSource')}::text[], ${col('amountFen')}::bigint[], ${col('explanation')}::text[],
                                         ${col('kind')}::text[], ${col('periodFrom')}::text[], ${col('periodTo')}::text[], ${col('benefitId')}::uuid[], ${col('applicationId')}::uuid[])
                      as l(elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation, kind, period_from, period_to, benefit_id, application_id)`
  const [r] = rowsOf<{ n: number; fen: string | number }>(await t.tx.execute(writeStatement(t, batch, lines, sql`select 1`, sql``)))
  return { count: Number(r!.n), fen: Number(r!.fen) }
}

/** A source's page given as SQL (`TDueSource.pageSql`): its regular lines written in one statement, and where the next page starts. */
async function writePage(t: TxCtx, batch: TBatch, page: SQL): Promise<TWritten & { rows: number; last: string | null; late: string[] }> {
  const lines = sql`select elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, explanation,
                           'regular' as kind, ${batch.month}::text as period_from, ${batch.month}::text as period_to, benefit_id, application_id
                      from src where amount_fen is not null`
  const extra = sql`, (select count(*) from src)::int as rows, (select cursor::text from src order by cursor desc limit 1) as last,
                      (select coalesce(array_agg(benefit_id::text), '{}') from src where late) as late`
  const [r] = rowsOf<{ n: number; fen: string | number; rows: number; last: string | null; late: string[] | string }>(
    await t.tx.execute(writeStatement(t, batch, lines, page, extra)),
  )
  return { count: Number(r!.n), fen: Number(r!.fen), rows: Number(r!.rows), last: r!.last, late: pgTextArray(r!.late) }
}

/** A text[] as the driver gives it: node-postgres parses it, PGlite may hand back the literal. */
function pgTextArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v
  const inner = v.slice(1, -1)
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : []
}

/**
 * Writes lines and their ledger in one statement, whatever their number: the lines are inserted
 * (a line whose months some line already paid, or that an interrupted run already wrote, is
 * skipped: paid-months check and unique index); for the lines inserted, the accounts are created
 * or moved by their total (one upsert, in code order so concurrent posters lock alike), their
 * months recorded (primary key: a month is never paid twice — a conflict aborts the page), and one
 * balanced transaction per line posted (the ledger's statement trigger checks the balance once,
 * after the statement). `src` is a relation the lines and `extra` outputs may read.
 */
function writeStatement(t: TxCtx, batch: TBatch, lines: SQL, src: SQL, extra: SQL): SQL {
  const year = batch.month.slice(0, 4)
  const budget = budgetAccountSql(year)
  return sql`
    with src as materialized (${src}),
    x as (
      select ${timeOrderedUuid} as id, ${timeOrderedUuid} as tx_id, l.*
        from (${lines}) l
        -- One key lookup per line (a lateral with limit cannot become a join): a hash join would
        -- read the whole paid-months table on every page.
        left join lateral (select 1 as paid from disbursement_line_months c
                            where c.elder_id = l.elder_id and c.program_code = l.program_code and c.month between l.period_from and l.period_to
                            limit 1) p on true
       where p.paid is null),
    r as (
      insert into disbursement_lines (id, batch_id, month, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen,
                                      explanation, ledger_tx_id, kind, period_from, period_to, benefit_id, application_id)
      select x.id, ${batch.id}::uuid, ${batch.month}, x.elder_id, x.region_code, x.program_code, x.program_name, x.delivery, x.fund_source, x.amount_fen,
             x.explanation, x.tx_id, x.kind, x.period_from, x.period_to, x.benefit_id, x.application_id
        from x
      on conflict (month, elder_id, program_code, period_from) where status <> 'reissued' do nothing
      returning id, ledger_tx_id, elder_id, region_code, program_code, program_name, delivery, fund_source, amount_fen, kind, period_from, period_to),
    legs as (
      select r.ledger_tx_id, ${holderAccountSql.code} as code, ${holderAccountSql.kind} as kind, ${holderAccountSql.name} as name, r.region_code, r.elder_id,
             r.program_code, null::text as fund_source, null::text as year, -r.amount_fen as amount_fen
        from r
      union all
      select r.ledger_tx_id, ${budget.code}, 'budget', ${budget.name}, ${batch.regionCode}, null::uuid, r.program_code, r.fund_source, ${year}::text, r.amount_fen
        from r),
    acc as (
      insert into ledger_accounts (code, kind, name, region_code, elder_id, program_code, fund_source, year, balance_fen)
      select code, min(kind), min(name), min(region_code), (array_agg(elder_id))[1], min(program_code), min(fund_source), min(year), sum(amount_fen)
        from legs group by code order by code
      on conflict (code) do update set balance_fen = ledger_accounts.balance_fen + excluded.balance_fen
      returning id, code),
    cov as (
      insert into disbursement_line_months (elder_id, program_code, month, line_id)
      select r.elder_id, r.program_code, to_char(m, 'YYYY-MM'), r.id
        from r, generate_series((r.period_from || '-01')::date, (r.period_to || '-01')::date, interval '1 month') m),
    txs as (
      insert into ledger_transactions (id, kind, ref, month, memo, created_by)
      select r.ledger_tx_id, case when r.delivery = 'cash' then 'benefit_accrual' else 'credit_grant' end,
             'line:' || ${batch.month}::text || ':' || r.elder_id::text || ':' || r.program_code || case when r.kind = 'regular' then '' else ':' || r.period_from end,
             ${batch.month}, ${batch.month}::text || ' ' || r.program_name || case when r.kind = 'regular' then '' else '补发 ' || r.period_from || '至' || r.period_to end,
             ${t.actor?.userId ?? null}
        from r),
    posts as (
      insert into ledger_postings (tx_id, account_id, amount_fen)
      select legs.ledger_tx_id, acc.id, legs.amount_fen from legs join acc on acc.code = legs.code)
    select (select count(*) from r)::int as n, (select coalesce(sum(amount_fen), 0) from r)::bigint as fen ${extra}`
}
