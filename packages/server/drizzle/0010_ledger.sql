CREATE TABLE "disbursement_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" char(7) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"seq" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'computing' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"lines_total" integer DEFAULT 0 NOT NULL,
	"lines_done" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"cursor" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"checked_by" text,
	"approved_by" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disbursement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"program_code" text NOT NULL,
	"program_name" text NOT NULL,
	"delivery" text NOT NULL,
	"fund_source" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"explanation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"fail_reason" text,
	"ledger_tx_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"elder_id" uuid,
	"provider_id" text,
	"program_code" text,
	"fund_source" text,
	"year" char(4),
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"month" char(7),
	"memo" text NOT NULL,
	"reversal_of" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_batches_month_uq" ON "disbursement_batches" USING btree ("month","region_code","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_lines_once_uq" ON "disbursement_lines" USING btree ("month","elder_id","program_code") WHERE status <> 'reissued';--> statement-breakpoint
CREATE INDEX "disbursement_lines_batch_idx" ON "disbursement_lines" USING btree ("batch_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "disbursement_lines_elder_idx" ON "disbursement_lines" USING btree ("elder_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_uq" ON "ledger_accounts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ledger_accounts_region_idx" ON "ledger_accounts" USING btree ("region_code" text_pattern_ops,"kind");--> statement-breakpoint
CREATE INDEX "ledger_accounts_elder_idx" ON "ledger_accounts" USING btree ("elder_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_tx_idx" ON "ledger_postings" USING btree ("tx_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_account_idx" ON "ledger_postings" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_ref_uq" ON "ledger_transactions" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_reversal_uq" ON "ledger_transactions" USING btree ("reversal_of");--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '账本记录不可修改或删除，更正请做冲正交易' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_immutable BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_immutable BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_check_balanced() RETURNS trigger AS $$
BEGIN
  IF (SELECT coalesce(sum(amount_fen), 0) FROM ledger_postings WHERE tx_id = NEW.tx_id) <> 0 THEN
    RAISE EXCEPTION '账本交易 % 借贷不平衡', NEW.tx_id USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
