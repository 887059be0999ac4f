CREATE TYPE "public"."incident_status" AS ENUM('submitted', 'triaged', 'investigating', 'contained', 'resolved', 'closed', 'rejected', 'merged');--> statement-breakpoint
CREATE TYPE "public"."obligation_kind" AS ENUM('early_warning', 'notification', 'final_report');--> statement-breakpoint
CREATE TYPE "public"."observable_type" AS ENUM('ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_kind" AS ENUM('notification', 'final_report');--> statement-breakpoint
CREATE TYPE "public"."rsit_class" AS ENUM('abusive-content', 'malicious-code', 'information-gathering', 'intrusion-attempts', 'intrusions', 'availability', 'information-content-security', 'fraud', 'vulnerable', 'other', 'test');--> statement-breakpoint
CREATE TYPE "public"."rsit_type" AS ENUM('spam', 'harmful-speech', 'violence', 'infected-system', 'c2-server', 'malware-distribution', 'malware-configuration', 'scanner', 'sniffing', 'social-engineering', 'ids-alert', 'brute-force', 'exploit', 'privileged-account-compromise', 'unprivileged-account-compromise', 'application-compromise', 'system-compromise', 'burglary', 'dos', 'ddos', 'misconfiguration', 'sabotage', 'outage', 'unauthorised-information-access', 'unauthorised-information-modification', 'data-loss', 'data-leak', 'unauthorised-use-of-resources', 'copyright', 'masquerade', 'phishing', 'weak-crypto', 'ddos-amplifier', 'potentially-unwanted-accessible', 'information-disclosure', 'vulnerable-system', 'other', 'undetermined', 'test');--> statement-breakpoint
CREATE TYPE "public"."tlp" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incident_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"incident_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_observables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"type" "observable_type" NOT NULL,
	"value" text NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_observables_incidentId_type_value_unique" UNIQUE("incident_id","type","value")
);
--> statement-breakpoint
CREATE TABLE "incident_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"body" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_reports_incidentId_kind_unique" UNIQUE("incident_id","kind")
);
--> statement-breakpoint
CREATE TABLE "incident_shares" (
	"incident_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"incident_created_at" timestamp (3) with time zone NOT NULL,
	"shared_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_shares_incident_id_agency_id_pk" PRIMARY KEY("incident_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"rsit_class" "rsit_class" NOT NULL,
	"rsit_type" "rsit_type",
	"severity" smallint NOT NULL,
	"tlp" "tlp" NOT NULL,
	"status" "incident_status" DEFAULT 'submitted' NOT NULL,
	"detected_at" timestamp (3) with time zone NOT NULL,
	"aware_at" timestamp (3) with time zone NOT NULL,
	"affected_systems" text DEFAULT '' NOT NULL,
	"personal_data" boolean NOT NULL,
	"records" bigint,
	"critical_service" boolean NOT NULL,
	"cross_border" boolean NOT NULL,
	"estimated_loss_mxn" numeric(16, 2),
	"notification_submitted_at" timestamp (3) with time zone,
	"final_report_submitted_at" timestamp (3) with time zone,
	"next_obligation_kind" "obligation_kind",
	"next_obligation_due_at" timestamp (3) with time zone,
	"next_obligation_soon_at" timestamp (3) with time zone,
	"shared_with_all_at" timestamp (3) with time zone,
	"merged_into_id" uuid,
	"status_reason" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('spanish'::regconfig, title), 'A') || setweight(to_tsvector('spanish'::regconfig, left(description, 4000)), 'B')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_reference_unique" UNIQUE("reference"),
	CONSTRAINT "incidents_severity_range" CHECK ("incidents"."severity" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "reference_counters_scope_year_pk" PRIMARY KEY("scope","year")
);
--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_observables" ADD CONSTRAINT "incident_observables_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_observables" ADD CONSTRAINT "incident_observables_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_shares" ADD CONSTRAINT "incident_shares_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_shares" ADD CONSTRAINT "incident_shares_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_shares" ADD CONSTRAINT "incident_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_merged_into_id_incidents_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_events_incident_id_id_index" ON "incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incident_observables_type_value_incident_id_index" ON "incident_observables" USING btree ("type","value","incident_id");--> statement-breakpoint
CREATE INDEX "incident_shares_agency_id_incident_created_at_incident_id_index" ON "incident_shares" USING btree ("agency_id","incident_created_at" DESC NULLS LAST,"incident_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_created_at_id_index" ON "incidents" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_agency_id_created_at_id_index" ON "incidents" USING btree ("agency_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_status_created_at_id_index" ON "incidents" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_severity_created_at_id_index" ON "incidents" USING btree ("severity","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_rsit_class_created_at_id_index" ON "incidents" USING btree ("rsit_class","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_tlp_created_at_id_index" ON "incidents" USING btree ("tlp","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_shared_with_all_idx" ON "incidents" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "incidents"."shared_with_all_at" is not null;--> statement-breakpoint
CREATE INDEX "incidents_next_obligation_idx" ON "incidents" USING btree ("next_obligation_due_at","next_obligation_soon_at") WHERE "incidents"."next_obligation_due_at" is not null;--> statement-breakpoint
CREATE INDEX "incidents_search_idx" ON "incidents" USING gin ("search");