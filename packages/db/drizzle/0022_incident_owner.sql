ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_assigned';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'incident_owner_update';--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_owner_idx" ON "incidents" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "incidents"."owner_id" is not null;