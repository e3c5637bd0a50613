-- Every change to the control plane (platform settings, projects, API keys) notifies the channel
-- amba_control_plane when its transaction commits, so each instance's control-plane cache drops what it holds
-- (docs/decisions.md, Stores). One notification per statement and table; PostgreSQL folds repeats within a
-- transaction into one.
CREATE FUNCTION notify_control_plane_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('amba_control_plane', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER platform_settings_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform_settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_control_plane_change();

CREATE TRIGGER projects_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION notify_control_plane_change();

CREATE TRIGGER api_keys_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION notify_control_plane_change();
