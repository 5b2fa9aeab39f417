CREATE TABLE "catalog_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"version_label" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_date" date,
	"based_on_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"published_by" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"standard" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"price_fen" integer NOT NULL,
	"target" jsonb NOT NULL,
	"payer" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"change" text DEFAULT 'unchanged' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_edition_id_catalog_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."catalog_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_editions_region_idx" ON "catalog_editions" USING btree ("region_code" text_pattern_ops,"status","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_editions_label_uq" ON "catalog_editions" USING btree ("region_code","version_label");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_edition_code_uq" ON "catalog_items" USING btree ("edition_id","code");--> statement-breakpoint
CREATE INDEX "catalog_items_code_idx" ON "catalog_items" USING btree ("code");
--> statement-breakpoint
-- A published (or discarded) edition and its items never change: the use cases refuse first with a
-- Chinese message; these triggers keep any other path (a bug, a hand-written UPDATE) from doing it.
CREATE OR REPLACE FUNCTION catalog_edition_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'catalog edition % is %, it cannot change', OLD.id, OLD.status;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER catalog_editions_frozen BEFORE UPDATE OR DELETE ON catalog_editions
  FOR EACH ROW EXECUTE FUNCTION catalog_edition_frozen();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_item_frozen() RETURNS trigger AS $$
DECLARE
  s text;
BEGIN
  SELECT status INTO s FROM catalog_editions WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END);
  IF s IS DISTINCT FROM 'draft' THEN
    RAISE EXCEPTION 'items of a % catalog edition cannot change', s;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.edition_id <> NEW.edition_id THEN
    RAISE EXCEPTION 'a catalog item cannot move to another edition';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER catalog_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON catalog_items
  FOR EACH ROW EXECUTE FUNCTION catalog_item_frozen();
