CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"programme_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"elder_name_masked" text NOT NULL,
	"amount_fen" integer,
	"clauses" jsonb,
	"note" text,
	"step_since" date,
	"step_due" date,
	"submitted_at" timestamp with time zone,
	"return_reason" text,
	"accepted_by" uuid,
	"verifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assessment_id" uuid,
	"assessment_level" integer,
	"assessed_on" date,
	"street_review_note" text,
	"street_reviewed_by" uuid,
	"notice_start" date,
	"notice_end" date,
	"notice_round" integer DEFAULT 0 NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"benefit_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_candidates" (
	"elder_id" uuid NOT NULL,
	"programme_code" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"month" varchar(7) NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefit_candidates_elder_id_programme_code_pk" PRIMARY KEY("elder_id","programme_code")
);
--> statement-breakpoint
CREATE TABLE "benefit_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"benefit_id" uuid NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"programme_code" text NOT NULL,
	"kind" text NOT NULL,
	"from_amount_fen" integer,
	"to_amount_fen" integer,
	"effective_month" varchar(7) NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"contact_hash" text NOT NULL,
	"contact_enc" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" text,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"definition" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"programme_code" text NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"from_month" varchar(7) NOT NULL,
	"stop_month" varchar(7),
	"stop_reason" text,
	"status" text DEFAULT 'active' NOT NULL,
	"next_review_month" varchar(7) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefits_amount_ck" CHECK ("benefits"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX "benefit_applications_region_idx" ON "benefit_applications" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "benefit_applications_elder_idx" ON "benefit_applications" USING btree ("elder_id");--> statement-breakpoint
CREATE INDEX "benefit_applications_due_idx" ON "benefit_applications" USING btree ("step_due");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_applications_open_uq" ON "benefit_applications" USING btree ("elder_id","programme_code") WHERE status not in ('active', 'stopped', 'rejected');--> statement-breakpoint
CREATE INDEX "benefit_candidates_region_idx" ON "benefit_candidates" USING btree ("programme_code","kind","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "benefit_files_application_idx" ON "benefit_files" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "benefit_history_elder_idx" ON "benefit_history" USING btree ("elder_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_history_once_uq" ON "benefit_history" USING btree ("benefit_id","kind","effective_month");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_objections_contact_uq" ON "benefit_objections" USING btree ("application_id","contact_hash");--> statement-breakpoint
CREATE INDEX "benefit_objections_region_idx" ON "benefit_objections" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_programmes_code_uq" ON "benefit_programmes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "benefits_region_idx" ON "benefits" USING btree ("region_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "benefits_elder_idx" ON "benefits" USING btree ("elder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benefits_active_uq" ON "benefits" USING btree ("elder_id","programme_code") WHERE status = 'active';