CREATE TABLE "provider_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"certificate_id" uuid,
	"file_key" text NOT NULL,
	"file_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"source" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'lodged' NOT NULL,
	"lodged_on" date NOT NULL,
	"due_on" date NOT NULL,
	"lodged_by" text,
	"finding" text,
	"points" smallint,
	"credit_record_id" bigint,
	"handled_by" text,
	"handled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_star_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"computed_stars" smallint NOT NULL,
	"total" real NOT NULL,
	"indicators" jsonb NOT NULL,
	"cap" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"final_stars" smallint,
	"review_reason" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"file_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "provider_documents_provider_idx" ON "provider_documents" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_documents_region_idx" ON "provider_documents" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "order_complaints_region_idx" ON "order_complaints" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "order_complaints_provider_idx" ON "order_complaints" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "order_complaints_order_idx" ON "order_complaints" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_complaints_due_idx" ON "order_complaints" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "order_complaints_credit_uq" ON "order_complaints" USING btree ("credit_record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_star_ratings_uq" ON "provider_star_ratings" USING btree ("provider_id","month");--> statement-breakpoint
CREATE INDEX "provider_star_ratings_region_idx" ON "provider_star_ratings" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "service_order_photos_order_idx" ON "service_order_photos" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_order_photos_key_uq" ON "service_order_photos" USING btree ("order_id","idempotency_key");