ALTER TABLE "providers" ADD COLUMN "site_lat" double precision;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "site_lng" double precision;--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "home_lat" double precision;--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "home_lng" double precision;