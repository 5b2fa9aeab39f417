CREATE TABLE "visit_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"period_key" varchar(8) NOT NULL,
	"frequency" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"visit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plan_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"rule" jsonb NOT NULL,
	"frequency" text NOT NULL,
	"allow_phone" boolean DEFAULT false NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"elder_name" text NOT NULL,
	"rule_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"allow_phone" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"visitor_id" text,
	"visitor_name" text,
	"backup_id" text,
	"backup_name" text,
	"missed_in_row" smallint DEFAULT 0 NOT NULL,
	"red_listed" boolean DEFAULT false NOT NULL,
	"last_visit_at" timestamp with time zone,
	"ended_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"owner_id" text,
	"owner_name" text,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"result_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"visitor_id" text NOT NULL,
	"visitor_name" text NOT NULL,
	"mode" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"period_key" varchar(8),
	"counted" boolean DEFAULT true NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"checklist" jsonb NOT NULL,
	"problems_enc" text,
	"actions_enc" text,
	"no_care_found" boolean DEFAULT false NOT NULL,
	"confirmed_by" text DEFAULT 'none' NOT NULL,
	"confirmer_name" text,
	"photo_file" text,
	"photo_type" text,
	"photo_bytes" integer,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "visit_periods_plan_key_uq" ON "visit_periods" USING btree ("plan_id","period_key");--> statement-breakpoint
CREATE INDEX "visit_periods_region_idx" ON "visit_periods" USING btree ("region_code" text_pattern_ops,"period_key","status");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plans_elder_uq" ON "visit_plans" USING btree ("elder_id");--> statement-breakpoint
CREATE INDEX "visit_plans_region_idx" ON "visit_plans" USING btree ("region_code" text_pattern_ops,"status","frequency");--> statement-breakpoint
CREATE INDEX "visit_plans_visitor_idx" ON "visit_plans" USING btree ("visitor_id");--> statement-breakpoint
CREATE INDEX "visit_plans_backup_idx" ON "visit_plans" USING btree ("backup_id");--> statement-breakpoint
CREATE INDEX "visit_tasks_region_idx" ON "visit_tasks" USING btree ("region_code" text_pattern_ops,"status","due_date");--> statement-breakpoint
CREATE INDEX "visit_tasks_visit_idx" ON "visit_tasks" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_idem_uq" ON "visits" USING btree ("visitor_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "visits_region_idx" ON "visits" USING btree ("region_code" text_pattern_ops,"visited_at");--> statement-breakpoint
CREATE INDEX "visits_elder_idx" ON "visits" USING btree ("elder_id","visited_at");