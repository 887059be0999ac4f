ALTER TYPE "public"."notification_kind" ADD VALUE 'advisory_published';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'advisory_reminder';--> statement-breakpoint
CREATE TABLE "advisories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"severity" smallint NOT NULL,
	"tlp" "tlp" NOT NULL,
	"cves" text[] DEFAULT '{}' NOT NULL,
	"action_required" text NOT NULL,
	"respond_by" timestamp (3) with time zone NOT NULL,
	"all_agencies" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"incident_id" uuid,
	"created_by" uuid NOT NULL,
	"published_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisories_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "advisory_agencies" (
	"advisory_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"latest_status" text,
	"latest_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	CONSTRAINT "advisory_agencies_advisory_id_agency_id_pk" PRIMARY KEY("advisory_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "advisory_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advisory_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"advisory_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"comment" text,
	"responded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_one_subject";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "advisory_id" uuid;--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_agencies" ADD CONSTRAINT "advisory_agencies_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_agencies" ADD CONSTRAINT "advisory_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_responses" ADD CONSTRAINT "advisory_responses_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_responses" ADD CONSTRAINT "advisory_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_responses" ADD CONSTRAINT "advisory_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisories_created_at_id_index" ON "advisories" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "advisories_status_created_at_id_index" ON "advisories" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "advisory_agencies_agency_id_advisory_id_index" ON "advisory_agencies" USING btree ("agency_id","advisory_id");--> statement-breakpoint
CREATE INDEX "advisory_responses_advisory_id_agency_id_id_index" ON "advisory_responses" USING btree ("advisory_id","agency_id","id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_advisory_dedupe_idx" ON "notifications" USING btree ("user_id","advisory_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null and "notifications"."advisory_id" is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_subject" CHECK (num_nonnulls("notifications"."task_id", "notifications"."incident_id", "notifications"."advisory_id") = 1);