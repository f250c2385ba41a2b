-- Workers cache the supervisor rules with the rest of the pipeline configuration (ADR 0006): a committed change
-- to them moves the configuration version too.
CREATE CONSTRAINT TRIGGER config_version_rules AFTER INSERT OR UPDATE OR DELETE ON rules
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();
