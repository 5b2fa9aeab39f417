DROP INDEX "elders_list_idx";--> statement-breakpoint
CREATE INDEX "elders_created_idx" ON "elders" USING btree ("created_at","id","region_code","birth_date","category_bits","status","living_arrangement","ability_level") WHERE merged_into is null;--> statement-breakpoint
CREATE INDEX "elders_list_idx" ON "elders" USING btree ("region_code" text_pattern_ops,"created_at","id","birth_date","category_bits","status","living_arrangement","ability_level","name","name_initials") WHERE merged_into is null;--> statement-breakpoint
-- Statistics of each category bit, so that the planner estimates a category filter (find-elders.ts: `(category_bits & 8) = 8`) from the data instead of a default 0.5 %.
CREATE STATISTICS IF NOT EXISTS "elders_cat_destitute_stx" ON ((category_bits & 1)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_dispersed_support_stx" ON ((category_bits & 2)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_centralized_support_stx" ON ((category_bits & 4)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_min_subsistence_stx" ON ((category_bits & 8)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_near_min_subsistence_stx" ON ((category_bits & 16)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_low_income_stx" ON ((category_bits & 32)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_economically_disadvantaged_stx" ON ((category_bits & 64)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_family_planning_special_stx" ON ((category_bits & 128)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_lost_only_child_stx" ON ((category_bits & 256)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_disabled_stx" ON ((category_bits & 512)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_severe_disability_stx" ON ((category_bits & 1024)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_entitled_veteran_family_stx" ON ((category_bits & 2048)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_military_family_stx" ON ((category_bits & 4096)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_martyr_survivor_stx" ON ((category_bits & 8192)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_no_caregiver_stx" ON ((category_bits & 16384)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_vagrant_stx" ON ((category_bits & 32768)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_serious_illness_stx" ON ((category_bits & 65536)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_limited_mobility_stx" ON ((category_bits & 131072)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_incapacitated_stx" ON ((category_bits & 262144)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_semi_incapacitated_stx" ON ((category_bits & 524288)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_cognitively_impaired_stx" ON ((category_bits & 1048576)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_living_alone_stx" ON ((category_bits & 2097152)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_empty_nest_stx" ON ((category_bits & 4194304)) FROM "elders";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "elders_cat_left_behind_stx" ON ((category_bits & 8388608)) FROM "elders";--> statement-breakpoint
ANALYZE "elders";
