CREATE TABLE "fund_anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"month" char(7) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"elder_id" uuid,
	"line_id" uuid,
	"detail" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" text,
	"resolved_note" text,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "fund_anomalies_key_uq" ON "fund_anomalies" USING btree ("key");--> statement-breakpoint
CREATE INDEX "fund_anomalies_region_idx" ON "fund_anomalies" USING btree ("region_code" text_pattern_ops,"status","month");