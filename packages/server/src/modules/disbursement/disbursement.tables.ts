import { sql } from 'drizzle-orm'
import { bigint, bigserial, char, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'

/**
 * Double-entry ledger in integer fen (issue 18). Postings are signed (debit +, credit −) and
 * every transaction sums to zero. Transactions and postings are never updated or deleted (a
 * trigger refuses it): a correction is a reversal transaction.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key, e.g. `budget:gaoling:fiscal:2026`, `elder:<id>:credit:jingji-kunnan`. */
    code: text('code').notNull(),
    kind: text('kind', { enum: ['budget', 'elder_benefit', 'elder_credit', 'provider_receivable', 'bank_clearing'] }).notNull(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    elderId: uuid('elder_id'),
    providerId: text('provider_id'),
    programCode: text('program_code'),
    fundSource: text('fund_source'),
    year: char('year', { length: 4 }),
    /** Cached sum of the postings, kept in the posting transaction; ledger:verify recomputes it. */
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_uq').on(t.code),
    index('ledger_accounts_region_idx').on(t.regionCode.op('text_pattern_ops'), t.kind),
    index('ledger_accounts_elder_idx').on(t.elderId),
  ],
)

export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['benefit_accrual', 'bank_payment', 'bank_failure', 'credit_grant', 'credit_spend', 'credit_lapse', 'reversal'] }).notNull(),
    /** Idempotency key: the same business fact posts once, whoever retries it. */
    ref: text('ref').notNull(),
    month: char('month', { length: 7 }),
    memo: text('memo').notNull(),
    reversalOf: uuid('reversal_of'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ledger_transactions_ref_uq').on(t.ref), uniqueIndex('ledger_transactions_reversal_uq').on(t.reversalOf)],
)

export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    txId: uuid('tx_id').notNull(),
    accountId: uuid('account_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [index('ledger_postings_tx_idx').on(t.txId), index('ledger_postings_account_idx').on(t.accountId, t.id)],
)

/** One month's run for a region (the installation's root region by default). */
export const disbursementBatches = pgTable(
  'disbursement_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: char('month', { length: 7 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** 1 for the month's run; 2, 3 … for batches that re-issue failed lines. */
    seq: integer('seq').notNull().default(1),
    status: text('status', { enum: ['computing', 'draft', 'checked', 'approved', 'exported', 'paid'] })
      .notNull()
      .default('computing'),
    version: integer('version').notNull().default(1),
    linesTotal: integer('lines_total').notNull().default(0),
    linesDone: integer('lines_done').notNull().default(0),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
    /** Keyset cursor of the run: a resumed run continues after it. */
    cursor: text('cursor'),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    checkedBy: text('checked_by'),
    approvedBy: text('approved_by'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('disbursement_batches_month_uq').on(t.month, t.regionCode, t.seq)],
)

/** One elder, one programme, one month: the unique index makes a double payment impossible. */
export const disbursementLines = pgTable(
  'disbursement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id').notNull(),
    month: char('month', { length: 7 }).notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    programCode: text('program_code').notNull(),
    programName: text('program_name').notNull(),
    delivery: text('delivery').notNull(),
    fundSource: text('fund_source').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    explanation: text('explanation').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'failed', 'reissued'] })
      .notNull()
      .default('pending'),
    failReason: text('fail_reason'),
    ledgerTxId: uuid('ledger_tx_id'),
    /** 'regular': the month itself; 'back_pay': 补发 of earlier months owed (one line per segment). */
    kind: text('kind', { enum: ['regular', 'back_pay'] })
      .notNull()
      .default('regular'),
    /** The months this line pays, "YYYY-MM" inclusive (both = month for a regular line). */
    periodFrom: char('period_from', { length: 7 }).notNull(),
    periodTo: char('period_to', { length: 7 }).notNull(),
    /** The benefit and the application behind the line (fund checks follow them). */
    benefitId: uuid('benefit_id'),
    applicationId: uuid('application_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disbursement_lines_once_uq')
      .on(t.month, t.elderId, t.programCode, t.periodFrom)
      .where(sql`status <> 'reissued'`),
    index('disbursement_lines_batch_idx').on(t.batchId, t.regionCode.op('text_pattern_ops')),
    index('disbursement_lines_elder_idx').on(t.elderId, t.month),
  ],
)

/**
 * Every month paid per elder and programme, whichever line paid it (regular or a back-pay
 * segment): the primary key makes paying one month twice impossible. `line_id` is the first line
 * that paid it (a re-issued line keeps covering the same month).
 */
export const disbursementLineMonths = pgTable(
  'disbursement_line_months',
  {
    elderId: uuid('elder_id').notNull(),
    programCode: text('program_code').notNull(),
    month: char('month', { length: 7 }).notNull(),
    lineId: uuid('line_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.elderId, t.programCode, t.month] })],
)

/**
 * Where an elder's cash benefits are paid. The number is encrypted at rest (AES-GCM), shown
 * masked, complete only in the bank export; its keyed hash finds one account paid for many
 * unrelated elders (a fund anomaly).
 */
export const elderBankAccounts = pgTable(
  'elder_bank_accounts',
  {
    elderId: uuid('elder_id').primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    bankName: text('bank_name').notNull(),
    accountHolder: text('account_holder').notNull(),
    accountNumberEnc: text('account_number_enc').notNull(),
    accountNumberHash: text('account_number_hash').notNull(),
    accountNumberLast4: varchar('account_number_last4', { length: 4 }).notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('elder_bank_accounts_hash_idx').on(t.accountNumberHash)],
)

/**
 * Fund anomalies (资金监管, issue 18 item 5): each an explainable flag a supervisor resolves with a
 * note. `key` makes a re-run of the checks add nothing twice.
 */
export const fundAnomalies = pgTable(
  'fund_anomalies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    kind: text('kind', {
      enum: ['paid_after_end', 'exclusive_group_twice', 'above_maximum', 'shared_bank_account', 'no_approved_application', 'paid_during_objection'],
    }).notNull(),
    month: char('month', { length: 7 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    elderId: uuid('elder_id'),
    lineId: uuid('line_id'),
    detail: text('detail').notNull(),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    resolvedBy: text('resolved_by'),
    resolvedNote: text('resolved_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fund_anomalies_key_uq').on(t.key), index('fund_anomalies_region_idx').on(t.regionCode.op('text_pattern_ops'), t.status, t.month)],
)
