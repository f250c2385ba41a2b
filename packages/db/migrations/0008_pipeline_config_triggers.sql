-- Workers cache the workspace configuration per version (ADR 0006). The counter moves when a transaction that
-- changed one of these tables commits: a deferred trigger runs at commit, so readers see the new version and the
-- new rows together, and config writers hold the counter's row lock only while they commit.
INSERT INTO config_versions (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE FUNCTION ascolta_bump_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE config_versions SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_workspace_settings AFTER INSERT OR UPDATE OR DELETE ON workspace_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_channels AFTER INSERT OR UPDATE OR DELETE ON channels
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_agents AFTER INSERT OR UPDATE OR DELETE ON agents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_teams AFTER INSERT OR UPDATE OR DELETE ON teams
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_business_hours AFTER INSERT OR UPDATE OR DELETE ON business_hours
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_sla_policies AFTER INSERT OR UPDATE OR DELETE ON sla_policies
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_info_requests AFTER INSERT OR UPDATE OR DELETE ON info_requests
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_templates AFTER INSERT OR UPDATE OR DELETE ON templates
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();--> statement-breakpoint
-- Per-author ordering: a worker finds the author's earlier messages still waiting for the pipeline.
CREATE INDEX messages_unprocessed_by_author ON messages
  (workspace_id, channel_id, (coalesce(author_external_id, author_handle)), received_at)
  WHERE direction = 'inbound' AND triage IS NULL AND ticket_id IS NULL AND ignored_reason IS NULL;
