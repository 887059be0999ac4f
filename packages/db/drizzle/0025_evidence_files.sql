CREATE TABLE "evidence_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "evidence_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid,
	"task_id" uuid,
	"name" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text,
	"declared_type" text,
	"sniffed_type" text,
	"uploader_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_one_parent" CHECK (("evidence_files"."incident_id" is null) <> ("evidence_files"."task_id" is null))
);
--> statement-breakpoint
ALTER TABLE "evidence_file_chunks" ADD CONSTRAINT "evidence_file_chunks_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_files_incident_sha256" ON "evidence_files" USING btree ("incident_id","sha256") WHERE "evidence_files"."incident_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_files_task_sha256" ON "evidence_files" USING btree ("task_id","sha256") WHERE "evidence_files"."task_id" is not null;--> statement-breakpoint
CREATE INDEX "evidence_files_incident_id_created_at_id_index" ON "evidence_files" USING btree ("incident_id","created_at","id");--> statement-breakpoint
CREATE INDEX "evidence_files_task_id_created_at_id_index" ON "evidence_files" USING btree ("task_id","created_at","id");