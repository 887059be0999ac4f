-- The live bell across API processes: every committed notification is announced on the channel
-- `anc_notifications` as {"userId": …, "seq": …}. Whichever process holds that user's event stream
-- (apps/api/src/modules/notifications/events/hub.ts LISTENs once per process) tells the browser.
-- NOTIFY is delivered when the inserting transaction commits, and never if it rolls back. The
-- payload names only the recipient and the sequence number: no content travels on the channel.
CREATE OR REPLACE FUNCTION notifications_announce() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('anc_notifications', json_build_object('userId', NEW.user_id, 'seq', NEW.seq)::text);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER notifications_announce AFTER INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_announce();
