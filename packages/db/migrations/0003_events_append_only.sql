-- Reports, audit and outbound webhooks trust that an event, once appended, never changes or disappears.
-- A deliberate retention job would drop this trigger in a migration of its own.
CREATE FUNCTION ascolta_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION ascolta_events_are_append_only();
