-- 0009 already added this trigger (two engineers wrote it at once); recreating it keeps this migration harmless.
DROP TRIGGER IF EXISTS config_version_rules ON rules;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER config_version_rules AFTER INSERT OR UPDATE OR DELETE ON rules
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();
