-- Deliveries to downstream systems (the outbox): written in the transaction that accepted the record or raised the
-- warning, then claimed by the relay of any node with a lease. The row id is the delivery's idempotency key.
CREATE TABLE outbox (
    id              CHAR(26)     PRIMARY KEY,
    destination     VARCHAR(40)  NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    record_id       CHAR(26),
    warning_id      CHAR(26),
    dataset         VARCHAR(64),
    trade_type      VARCHAR(8),
    partition_key   VARCHAR(100),
    platform_code   VARCHAR(18),
    region_code     VARCHAR(6),
    attributes      TEXT         NOT NULL,
    payload         TEXT         NOT NULL,
    masking         VARCHAR(400) NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE,
    leased_by       VARCHAR(64),
    last_error      TEXT,
    last_http_status INTEGER,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_destination ON outbox (destination, status, created_at);
