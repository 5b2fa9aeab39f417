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
