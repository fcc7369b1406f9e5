-- Receipts, append-only records and record heads. Only the type of the large text columns differs per database
-- (PostgreSQL: TEXT; H2: CHARACTER VARYING, which its R2DBC driver returns as a string, unlike its CLOB).

-- One row per push request: the counters for queries and the exact receipt body the platform was given.
CREATE TABLE receipts (
    id               CHAR(26)    PRIMARY KEY,
    platform_code    VARCHAR(18) NOT NULL,
    dataset          VARCHAR(64) NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    request_id       VARCHAR(64),
    signature_method VARCHAR(16) NOT NULL,
    body_digest      VARCHAR(80) NOT NULL,
    accepted         INTEGER     NOT NULL,
    duplicates       INTEGER     NOT NULL,
    stale            INTEGER     NOT NULL,
    rejected         INTEGER     NOT NULL,
    body             TEXT NOT NULL
);
CREATE INDEX receipts_platform_received ON receipts (platform_code, received_at);

-- Every accepted or stale version of every record, never updated or deleted: the raw payload as received and its
-- digest (digest: the exact bytes; content_digest: the canonical form that decides duplicates).
CREATE TABLE records (
    id             CHAR(26)    PRIMARY KEY,
    receipt_id     CHAR(26)    NOT NULL REFERENCES receipts (id),
    record_index   INTEGER     NOT NULL,
    platform_code  VARCHAR(18) NOT NULL,
    dataset        VARCHAR(64) NOT NULL,
    data_key       VARCHAR(64) NOT NULL,
    data_timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16) NOT NULL,
    version        INTEGER,
    digest         VARCHAR(80) NOT NULL,
    content_digest VARCHAR(80) NOT NULL,
    payload        TEXT NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX records_key ON records (platform_code, dataset, data_key);
CREATE INDEX records_receipt ON records (receipt_id);

-- The current version of each record. The primary key is what stops two concurrent pushes of one record from both
-- being accepted.
CREATE TABLE record_heads (
    platform_code  VARCHAR(18) NOT NULL,
    dataset        VARCHAR(64) NOT NULL,
    data_key       VARCHAR(64) NOT NULL,
    record_id      CHAR(26)    NOT NULL,
    version        INTEGER     NOT NULL,
    data_timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    content_digest VARCHAR(80) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform_code, dataset, data_key)
);
