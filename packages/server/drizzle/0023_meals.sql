CREATE TABLE "order_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"provider_id" uuid NOT NULL,
	"flag" text NOT NULL,
	"detail" text,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"resolve_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "supplied_by" uuid;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "meal_time" text;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE INDEX "order_flags_region_idx" ON "order_flags" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "order_flags_status_idx" ON "order_flags" USING btree ("status","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_flags_order_flag_uq" ON "order_flags" USING btree ("order_id","flag");--> statement-breakpoint
CREATE UNIQUE INDEX "service_orders_meal_uq" ON "service_orders" USING btree ("elder_id","service_date","meal_time") WHERE meal_time is not null and status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "service_orders_key_uq" ON "service_orders" USING btree ("provider_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
-- Hand-written: flags already on orders become open flag records (resolved when the order's exception was resolved).
INSERT INTO "order_flags" ("order_id", "region_code", "provider_id", "flag", "status", "resolve_note")
SELECT o."id", o."region_code", o."provider_id", f.flag, CASE WHEN o."resolve_note" IS NULL THEN 'open' ELSE 'resolved' END, o."resolve_note"
FROM "service_orders" o CROSS JOIN LATERAL unnest(o."flags") AS f(flag)
ON CONFLICT DO NOTHING;
