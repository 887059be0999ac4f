ALTER TABLE "incident_events" ADD COLUMN "visibility" text DEFAULT 'all_readers' NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_visibility_check" CHECK ("incident_events"."visibility" in ('anc', 'reporting', 'all_readers'));--> statement-breakpoint
-- Hand-appended (drizzle-kit does not write data changes): notes written before visibility existed
-- (comments and the reasons given with a step) are read by the ANC and the reporting agency only,
-- the default for new notes (packages/domain/src/incidents/visibility.ts).
UPDATE "incident_events" SET "visibility" = 'reporting' WHERE "kind" = 'comment' OR ("kind" = 'status' AND "body" IS NOT NULL);
