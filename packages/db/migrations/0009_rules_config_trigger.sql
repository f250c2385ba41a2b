-- Supervisor rules are pipeline configuration too: workers cache them per configuration version (ADR 0006).
CREATE CONSTRAINT TRIGGER config_version_rules AFTER INSERT OR UPDATE OR DELETE ON rules
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ascolta_bump_config_version();
