CREATE TABLE "elder_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"source" text DEFAULT 'web' NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"id_hash" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_prefix6" varchar(6) NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"hukou" text DEFAULT 'local' NOT NULL,
	"living_arrangement" text DEFAULT 'other' NOT NULL,
	"typed_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"address_enc" text,
	"address_masked" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_prefix3" varchar(3),
	"phone_last4" varchar(4),
	"contacts_enc" text,
	"has_guardian" boolean DEFAULT false NOT NULL,
	"health_enc" text,
	"has_family_doctor" boolean DEFAULT false NOT NULL,
	"family_doctor_date" date,
	"family_doctor_name" text,
	"has_visit_plan" boolean DEFAULT false NOT NULL,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"status_date" date,
	"status_reason" text,
	"ability_scale" text,
	"ability_level" smallint,
	"ability_assessment_id" text,
	"ability_effective_date" date,
	"has_dementia" boolean DEFAULT false NOT NULL,
	"last_assessment_date" date,
	"last_assessment_level" smallint,
	"last_category_change_at" timestamp with time zone,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" text NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"assigned_to" text,
	"assigned_to_name" text,
	"handled_note" text,
	"handled_by" text,
	"handled_at" timestamp with time zone,
	"reappear_on" date,
	"times_reopened" integer DEFAULT 0 NOT NULL,
	"last_matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worklist_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rule" jsonb NOT NULL,
	"reappear_after_days" integer DEFAULT 30 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "elder_history_elder_idx" ON "elder_history" USING btree ("elder_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "elders_id_hash_uq" ON "elders" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "elders_region_idx" ON "elders" USING btree ("region_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "elders_name_trgm_idx" ON "elders" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "elders_initials_idx" ON "elders" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "elders_categories_idx" ON "elders" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "elders_birth_idx" ON "elders" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "elders_phone_hash_idx" ON "elders" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "worklist_items_rule_elder_uq" ON "worklist_items" USING btree ("rule_id","elder_id");--> statement-breakpoint
CREATE INDEX "worklist_items_region_idx" ON "worklist_items" USING btree ("region_code" text_pattern_ops,"rule_id","status");