CREATE TYPE "public"."saved_filter_list" AS ENUM('incidents', 'tasks');--> statement-breakpoint
CREATE TABLE "saved_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"list" "saved_filter_list" NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_filters_user_id_list_name_index" ON "saved_filters" USING btree ("user_id","list","name");--> statement-breakpoint
CREATE INDEX "saved_filters_user_id_list_updated_at_index" ON "saved_filters" USING btree ("user_id","list","updated_at");--> statement-breakpoint
CREATE INDEX "incidents_sort_severity_idx" ON "incidents" USING btree ("severity","id");--> statement-breakpoint
CREATE INDEX "incidents_sort_status_idx" ON "incidents" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "incidents_sort_deadline_asc_idx" ON "incidents" USING btree (coalesce("next_obligation_due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "incidents_sort_deadline_desc_idx" ON "incidents" USING btree (coalesce("next_obligation_due_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "tasks_sort_priority_idx" ON "tasks" USING btree ("priority","id");--> statement-breakpoint
CREATE INDEX "tasks_sort_status_idx" ON "tasks" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "tasks_sort_due_idx" ON "tasks" USING btree ("due_at","id");