CREATE TABLE "key_check" (
	"id" integer PRIMARY KEY NOT NULL,
	"mac" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
