CREATE TABLE "alarm_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alarm_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid,
	"device_serial" varchar(64) NOT NULL,
	"event_id" varchar(128) NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"elder_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'raised' NOT NULL,
	"event_time" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"battery" smallint,
	"claimed_by" uuid,
	"claimed_by_name" text,
	"claimed_at" timestamp with time zone,
	"responder_id" uuid,
	"responder_name" text,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"close_note" text,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"hotline_call_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_vendors" (
	"code" varchar(32) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_enc" text NOT NULL,
	"is_demo" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" varchar(64) NOT NULL,
	"kind" text NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"vendor" varchar(32) DEFAULT 'demo' NOT NULL,
	"sim_enc" text,
	"sim_last4" varchar(4),
	"elder_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"bound_from" date,
	"bound_to" date,
	"battery" smallint,
	"last_heartbeat_at" timestamp with time zone,
	"last_lat" double precision,
	"last_lng" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" varchar(128),
	"caller_phone_enc" text NOT NULL,
	"caller_phone_hash" text NOT NULL,
	"caller_phone_masked" varchar(20) NOT NULL,
	"elder_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'ringing' NOT NULL,
	"category" text,
	"summary" text DEFAULT '' NOT NULL,
	"routed_to" text,
	"deadline" date,
	"satisfaction" text,
	"taken_by" uuid,
	"taken_by_name" text,
	"alarm_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_ingest_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"serial" varchar(64),
	"detail" text DEFAULT '' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_nonces" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" varchar(40) NOT NULL,
	"signature" varchar(64) NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alarm_actions_alarm_idx" ON "alarm_actions" USING btree ("alarm_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_device_event_uq" ON "alarms" USING btree ("device_serial","event_id");--> statement-breakpoint
CREATE INDEX "alarms_region_idx" ON "alarms" USING btree ("region_code" text_pattern_ops,"received_at");--> statement-breakpoint
CREATE INDEX "alarms_open_idx" ON "alarms" USING btree ("status","received_at") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "alarms_responder_idx" ON "alarms" USING btree ("responder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_serial_uq" ON "devices" USING btree ("serial");--> statement-breakpoint
CREATE INDEX "devices_region_idx" ON "devices" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "devices_elder_idx" ON "devices" USING btree ("elder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_calls_call_id_uq" ON "hotline_calls" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "hotline_calls_region_idx" ON "hotline_calls" USING btree ("region_code" text_pattern_ops,"received_at");--> statement-breakpoint
CREATE INDEX "device_ingest_rejections_at_idx" ON "device_ingest_rejections" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_nonces_uq" ON "webhook_nonces" USING btree ("source","signature");