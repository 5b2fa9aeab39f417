ALTER TABLE "benefits" ADD COLUMN "stop_cause" text;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD COLUMN "link_type" text;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD COLUMN "link_id" text;--> statement-breakpoint
CREATE INDEX "visit_tasks_link_idx" ON "visit_tasks" USING btree ("link_type","link_id");