-- The audit trail. H2 twin of the PostgreSQL file: CHARACTER VARYING for TEXT, and no trigger refusing UPDATE and
-- DELETE (H2 triggers are Java classes); the application has no statement that changes or removes an entry, and the
-- hash chain shows any change made behind its back.
CREATE TABLE audit_entries (
    seq            BIGINT       PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    target         VARCHAR(200) NOT NULL,
    source_address VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(64)  NOT NULL,
    before_json    CHARACTER VARYING,
    after_json     CHARACTER VARYING,
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL
);
CREATE INDEX audit_entries_at ON audit_entries (at);
CREATE INDEX audit_entries_actor ON audit_entries (actor, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);

CREATE TABLE audit_chain_head (
    id        INTEGER  PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
