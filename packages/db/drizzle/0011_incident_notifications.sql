ALTER TYPE "public"."notification_kind" ADD VALUE 'task_blocked';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_filed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_shared';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_status_changed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_note';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_comment';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'obligation_due_soon';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'obligation_overdue';--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "due_soon_reminded_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "overdue_reminded_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "incident_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_incident_dedupe_idx" ON "notifications" USING btree ("user_id","incident_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null and "notifications"."incident_id" is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_subject" CHECK (("notifications"."task_id" is null) <> ("notifications"."incident_id" is null));