-- The audit log is append-only: no row may be deleted, and the only update allowed is the
-- sealer's, which fills seq/prev_hash/hash/sealed_at of an unsealed row without touching its content.
-- (Someone with DDL rights can still disable this; the hash chain is what detects that.)
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only';
  END IF;
  IF OLD.seq IS NOT NULL OR NEW.seq IS NULL
     OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.entity_type IS DISTINCT FROM OLD.entity_type
     OR NEW.entity_id IS DISTINCT FROM OLD.entity_id
     OR NEW.diff IS DISTINCT FROM OLD.diff
     OR NEW.origin IS DISTINCT FROM OLD.origin THEN
    RAISE EXCEPTION 'audit_events rows cannot be changed once written';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_guard BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
