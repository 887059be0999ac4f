-- pg_trgm: trigram operator classes for the tasks free-text search (schema/tasks.ts tasks_search_trgm_idx).
-- A trusted extension (PostgreSQL 13+): the database owner may create it. PGlite loads it (client.ts newPglite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "tasks_search_trgm_idx" ON "tasks" USING gin ("title" gin_trgm_ops,"reference" gin_trgm_ops);