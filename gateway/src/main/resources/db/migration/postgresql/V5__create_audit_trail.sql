-- The audit trail: append-only and hash-chained. Each entry carries the SHA-256 of its own canonical form, which
-- includes the hash of the entry before it (prev_hash; 64 zeros for the first). Appends take the one row of
-- audit_chain_head FOR UPDATE inside the transaction of the change they record, so that the chain stays linear across
-- concurrent transactions and nodes. before_json / after_json are kept as the exact text that was hashed.
CREATE TABLE audit_entries (
    seq            BIGINT       PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    target         VARCHAR(200) NOT NULL,
    source_address VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(64)  NOT NULL,
    before_json    TEXT,
    after_json     TEXT,
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL
);
CREATE INDEX audit_entries_at ON audit_entries (at);
CREATE INDEX audit_entries_actor ON audit_entries (actor, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);

-- The head of the chain: exactly one row, the last entry's seq and hash.
CREATE TABLE audit_chain_head (
    id        INTEGER  PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Entries are never changed or removed: the database refuses it, whoever asks (a superuser can still switch the
-- trigger off, e.g. with session_replication_role = replica; the hash chain is what shows that it happened).
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_entries_append_only
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
CREATE TRIGGER audit_entries_no_truncate
    BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
