CREATE TABLE "dispatch_diffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"base_version" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"created_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dispatch_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid,
	"street_code" varchar(12),
	"region_code" varchar(12) NOT NULL,
	"service_date" date NOT NULL,
	"status" text DEFAULT 'computing' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"progress" jsonb,
	"state" jsonb,
	"failure" text,
	"job_id" uuid,
	"created_by" text,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "staff_count" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "helper_caregiver_id" uuid;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "planned_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "plan_seq" integer;--> statement-breakpoint
CREATE INDEX "dispatch_diffs_plan_idx" ON "dispatch_diffs" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "dispatch_notices_caregiver_idx" ON "dispatch_notices" USING btree ("caregiver_id","created_at");--> statement-breakpoint
CREATE INDEX "dispatch_plans_region_idx" ON "dispatch_plans" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dispatch_plans_day_idx" ON "dispatch_plans" USING btree ("service_date","provider_id");--> statement-breakpoint
CREATE INDEX "service_orders_helper_idx" ON "service_orders" USING btree ("helper_caregiver_id","service_date");