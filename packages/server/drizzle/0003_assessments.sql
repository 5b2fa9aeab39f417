CREATE TABLE "assessment_settings" (
	"scale" text PRIMARY KEY NOT NULL,
	"interval_months" smallint DEFAULT 12 NOT NULL,
	"due_soon_days" smallint DEFAULT 30 NOT NULL,
	"objection_days" smallint DEFAULT 15 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"elder_name" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"note" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by_assessment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"elder_snapshot" jsonb NOT NULL,
	"scale" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_date" date NOT NULL,
	"assessor_id" uuid NOT NULL,
	"assessors" jsonb NOT NULL,
	"place" text,
	"assessed_at" timestamp with time zone,
	"answers_enc" text,
	"answered_count" smallint DEFAULT 0 NOT NULL,
	"dimensions" jsonb,
	"total" smallint,
	"initial_level" smallint,
	"final_level" smallint,
	"reasons" jsonb,
	"signatures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewer_name" text,
	"review_note" text,
	"return_reason" text,
	"effective_date" date,
	"objection_deadline" date,
	"objection" jsonb,
	"disputed_id" uuid,
	"supersedes_id" uuid,
	"superseded_by_id" uuid,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_scale_ck" CHECK ("assessments"."scale" in ('gbt42195_2022', 'mzt039_2013')),
	CONSTRAINT "assessments_reason_ck" CHECK ("assessments"."reason" in ('initial', 'routine', 'triggered', 'dispute_review', 'other')),
	CONSTRAINT "assessments_level_ck" CHECK ("assessments"."final_level" is null or "assessments"."final_level" between 0 and 4)
);
--> statement-breakpoint
CREATE INDEX "assessment_triggers_region_idx" ON "assessment_triggers" USING btree ("region_code" text_pattern_ops,"resolved_at");--> statement-breakpoint
CREATE INDEX "assessment_triggers_elder_idx" ON "assessment_triggers" USING btree ("elder_id");--> statement-breakpoint
CREATE INDEX "assessments_region_idx" ON "assessments" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "assessments_elder_idx" ON "assessments" USING btree ("elder_id","created_at");--> statement-breakpoint
CREATE INDEX "assessments_assessor_idx" ON "assessments" USING btree ("assessor_id","status");--> statement-breakpoint
CREATE INDEX "assessments_status_idx" ON "assessments" USING btree ("status","scheduled_date");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_in_force_uq" ON "assessments" USING btree ("elder_id") WHERE status in ('effective', 'disputed');