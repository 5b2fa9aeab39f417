CREATE TABLE "hotline_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"hotline_call_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "hotline_calls_call_id_uq";--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "offline_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "switchboard" varchar(32);--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "caller_name" text;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "route_kind" text;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "route_target_name" text;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "hotline_calls" ADD COLUMN "close_note" text;--> statement-breakpoint
CREATE INDEX "hotline_actions_call_idx" ON "hotline_actions" USING btree ("hotline_call_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_calls_switchboard_call_uq" ON "hotline_calls" USING btree ("switchboard","call_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_phone_idx" ON "hotline_calls" USING btree ("caller_phone_hash");