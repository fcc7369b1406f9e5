-- Sessions: every access token carries its user's token version; raising the version (disable, password, roles or
-- scope changed, logout) refuses every token issued before. password_changed_at is when the password was last set,
-- for its maximum age (existing accounts start their age at this migration).
ALTER TABLE app_users ADD COLUMN token_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE app_users ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP;
