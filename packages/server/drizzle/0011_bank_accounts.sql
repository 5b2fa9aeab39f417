CREATE TABLE "elder_bank_accounts" (
	"elder_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"bank_name" text NOT NULL,
	"account_holder" text NOT NULL,
	"account_number_enc" text NOT NULL,
	"account_number_hash" text NOT NULL,
	"account_number_last4" varchar(4) NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "elder_bank_accounts_hash_idx" ON "elder_bank_accounts" USING btree ("account_number_hash");