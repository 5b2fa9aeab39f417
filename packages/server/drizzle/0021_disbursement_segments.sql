CREATE TABLE "disbursement_line_months" (
	"elder_id" uuid NOT NULL,
	"program_code" text NOT NULL,
	"month" char(7) NOT NULL,
	"line_id" uuid NOT NULL,
	CONSTRAINT "disbursement_line_months_elder_id_program_code_month_pk" PRIMARY KEY("elder_id","program_code","month")
);
--> statement-breakpoint
DROP INDEX "disbursement_lines_once_uq";--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD COLUMN "kind" text DEFAULT 'regular' NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD COLUMN "period_from" char(7);--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD COLUMN "period_to" char(7);--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD COLUMN "benefit_id" uuid;--> statement-breakpoint
ALTER TABLE "disbursement_lines" ADD COLUMN "application_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_lines_once_uq" ON "disbursement_lines" USING btree ("month","elder_id","program_code","period_from") WHERE status <> 'reissued';--> statement-breakpoint
-- Hand-written (issue 18, back pay): lines written before this migration pay their own month;
-- drizzle adds the columns NOT NULL, which an existing row would refuse, so: add, fill, then set.
UPDATE "disbursement_lines" SET "period_from" = "month", "period_to" = "month" WHERE "period_from" IS NULL;--> statement-breakpoint
ALTER TABLE "disbursement_lines" ALTER COLUMN "period_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "disbursement_lines" ALTER COLUMN "period_to" SET NOT NULL;--> statement-breakpoint
INSERT INTO "disbursement_line_months" ("elder_id", "program_code", "month", "line_id")
  SELECT "elder_id", "program_code", "month", "id" FROM "disbursement_lines" WHERE "status" <> 'reissued' ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Hand-written (issue 18, speed): the balance check runs once per INSERT statement over the
-- transactions it touched (a transition table), instead of once per posting row at commit; every
-- writer inserts a transaction's postings in one statement, so a transaction must balance at the
-- end of that statement (stricter than at commit), and a month-run page pays one check, not 2 × lines.
DROP TRIGGER IF EXISTS ledger_postings_balanced ON ledger_postings;--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_check_balanced_statement() RETURNS trigger AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT p.tx_id INTO bad FROM ledger_postings p
   WHERE p.tx_id IN (SELECT DISTINCT n.tx_id FROM ledger_new_postings n)
   GROUP BY p.tx_id HAVING sum(p.amount_fen) <> 0 LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION '账本交易 % 借贷不平衡', bad USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER ledger_postings_balanced_stmt AFTER INSERT ON ledger_postings
  REFERENCING NEW TABLE AS ledger_new_postings FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_balanced_statement();
