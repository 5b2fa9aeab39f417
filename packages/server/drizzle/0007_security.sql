CREATE TABLE "login_throttle" (
	"name_hash" varchar(64) PRIMARY KEY NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Tokens issued before expiry existed end 90 days after they were created, and keep the
-- read-write rights they were issued with; new tokens default to read-only.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "api_tokens" SET "expires_at" = "created_at" + interval '90 days';--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "scope" text DEFAULT 'read' NOT NULL;--> statement-breakpoint
UPDATE "api_tokens" SET "scope" = 'read_write';--> statement-breakpoint
-- Existing rows keep their plain SHA-256 hashes (hash_alg 'sha256'); the app appends HMAC rows
-- from now on. ADD COLUMN with a default fires no row trigger, so the append-only guard holds.
ALTER TABLE "audit_log" ADD COLUMN "hash_alg" text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
CREATE INDEX "providers_region_idx" ON "providers" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
-- An existing demo install: its seeded provider accounts point at the demo provider.
INSERT INTO "providers" ("id", "name", "region_code", "status")
  SELECT '00000000-0000-4000-8000-000000000001', '康乐居家养老服务中心', '620702000000', 'active'
  WHERE EXISTS (SELECT 1 FROM "users" WHERE "provider_id" = '00000000-0000-4000-8000-000000000001')
  ON CONFLICT DO NOTHING;