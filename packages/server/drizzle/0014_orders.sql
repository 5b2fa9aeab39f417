CREATE TABLE "caregiver_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"number" text NOT NULL,
	"level" text NOT NULL,
	"skill" text NOT NULL,
	"expires_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caregivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"training_hours" integer DEFAULT 0 NOT NULL,
	"background_check" text DEFAULT 'pending' NOT NULL,
	"background_check_date" date,
	"shift" text,
	"home_lat" double precision,
	"home_lng" double precision,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_credit_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"note" text NOT NULL,
	"order_id" uuid,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"max_distance_m" integer NOT NULL,
	"min_share_percent" integer NOT NULL,
	"late_grace_minutes" integer NOT NULL,
	"auto_confirm_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "service_order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"note" text,
	"idempotency_key" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_no" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"elder_id" uuid NOT NULL,
	"elder_name" text NOT NULL,
	"address_enc" text,
	"address_masked" text,
	"home_lat" double precision,
	"home_lng" double precision,
	"provider_id" uuid NOT NULL,
	"caregiver_id" uuid,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"skill" text NOT NULL,
	"unit" text NOT NULL,
	"edition_id" text NOT NULL,
	"edition_version_label" text NOT NULL,
	"payer" text NOT NULL,
	"unit_price_fen" integer NOT NULL,
	"quantity_tenths" integer NOT NULL,
	"price_fen" integer NOT NULL,
	"subsidy_fen" integer NOT NULL,
	"self_pay_fen" integer NOT NULL,
	"subsidy_basis" text NOT NULL,
	"service_date" date NOT NULL,
	"window_start" timestamp with time zone,
	"planned_minutes" integer DEFAULT 60 NOT NULL,
	"requester_kind" text NOT NULL,
	"requested_by" text,
	"request_note" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"check_in_at" timestamp with time zone,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_in_distance_m" integer,
	"check_out_at" timestamp with time zone,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"record" jsonb,
	"rating" smallint,
	"rating_comment" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"postings" jsonb,
	"cancel_reason" text,
	"resolve_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "uscc" varchar(18);--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "service_area" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "service_area_prefixes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "service_items" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "kind" text DEFAULT 'home_care' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "star_rating" smallint;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "caregiver_certs_caregiver_idx" ON "caregiver_certificates" USING btree ("caregiver_id");--> statement-breakpoint
CREATE INDEX "caregiver_certs_expiry_idx" ON "caregiver_certificates" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "caregivers_region_idx" ON "caregivers" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "caregivers_provider_idx" ON "caregivers" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "caregivers_provider_id_uq" ON "caregivers" USING btree ("provider_id","id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "caregivers_user_uq" ON "caregivers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "credit_records_provider_idx" ON "provider_credit_records" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "service_order_events_order_idx" ON "service_order_events" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_order_events_key_uq" ON "service_order_events" USING btree ("order_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "service_orders_region_idx" ON "service_orders" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "service_orders_provider_idx" ON "service_orders" USING btree ("provider_id","service_date");--> statement-breakpoint
CREATE INDEX "service_orders_caregiver_idx" ON "service_orders" USING btree ("caregiver_id","service_date");--> statement-breakpoint
CREATE INDEX "service_orders_elder_idx" ON "service_orders" USING btree ("elder_id","service_date");--> statement-breakpoint
CREATE UNIQUE INDEX "service_orders_no_uq" ON "service_orders" USING btree ("order_no");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_uscc_uq" ON "providers" USING btree ("uscc");