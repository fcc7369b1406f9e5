-- Supervision: sections and the records that belong to them, expectations, warnings with their events, silences.
-- The H2 twin of this file differs only where H2 lacks a feature: TEXT columns and partial indexes.

-- Lag of every record against its data set's push SLA (GGZY-style lag statistics, kept for late and timely ones).
ALTER TABLE records ADD COLUMN event_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE records ADD COLUMN lag_seconds BIGINT;
ALTER TABLE records ADD COLUMN within_sla BOOLEAN;
CREATE INDEX records_platform_received ON records (platform_code, received_at);

-- One row per bid section / purchase section (section_code '' is the project itself). Locked by every push that
-- touches the section, so rules always see the section's records of every committed push.
CREATE TABLE sections (
    trade_type    VARCHAR(8)   NOT NULL,
    project_code  VARCHAR(100) NOT NULL,
    section_code  VARCHAR(100) NOT NULL,
    region_code   VARCHAR(6),
    platform_code VARCHAR(18)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trade_type, project_code, section_code)
);

-- Which records belong to which section, pointing at each record's current version.
CREATE TABLE section_records (
    trade_type    VARCHAR(8)   NOT NULL,
    project_code  VARCHAR(100) NOT NULL,
    section_code  VARCHAR(100) NOT NULL,
    platform_code VARCHAR(18)  NOT NULL,
    dataset       VARCHAR(64)  NOT NULL,
    data_key      VARCHAR(64)  NOT NULL,
    record_id     CHAR(26)     NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trade_type, project_code, section_code, platform_code, dataset, data_key)
);

-- What should arrive by when. next_check_at is when the deadline scanner must look at the row again (the due time,
-- then the severity upgrade); it is NULL once nothing more can happen, so closed sections cost the scanner nothing.
CREATE TABLE expectations (
    id            CHAR(26)     PRIMARY KEY,
    trade_type    VARCHAR(8)   NOT NULL,
    project_code  VARCHAR(100) NOT NULL,
    section_code  VARCHAR(100) NOT NULL,
    rule          VARCHAR(40)  NOT NULL,
    dataset       VARCHAR(64)  NOT NULL,
    discriminator VARCHAR(40)  NOT NULL,
    created_by    CHAR(26),
    created_by_dataset VARCHAR(64),
    platform_code VARCHAR(18)  NOT NULL,
    region_code   VARCHAR(6),
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    next_check_at TIMESTAMP WITH TIME ZONE,
    legal_basis   VARCHAR(1000),
    warning_id    CHAR(26),
    met_by        CHAR(26),
    met_at        TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT expectations_subject UNIQUE (trade_type, project_code, section_code, rule, dataset, discriminator)
);
CREATE INDEX expectations_next_check ON expectations (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX expectations_project ON expectations (project_code);

-- Warnings. open_fingerprint equals fingerprint until the warning is resolved, then NULL: its unique constraint is
-- what allows one open warning per fingerprint, also between nodes.
CREATE TABLE warnings (
    id                 CHAR(26)     PRIMARY KEY,
    rule               VARCHAR(40)  NOT NULL,
    severity           VARCHAR(8)   NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    platform_code      VARCHAR(18)  NOT NULL,
    region_code        VARCHAR(6),
    trade_type         VARCHAR(8)   NOT NULL,
    tender_project_code VARCHAR(100),
    bid_section_code   VARCHAR(100),
    dataset            VARCHAR(64),
    fingerprint        VARCHAR(400) NOT NULL,
    open_fingerprint   VARCHAR(400) UNIQUE,
    message            TEXT NOT NULL,
    message_zh         TEXT NOT NULL,
    legal_basis        TEXT,
    evidence           TEXT NOT NULL,
    raised_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    occurrences        INTEGER      NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    acknowledged_at    TIMESTAMP WITH TIME ZONE,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    resolution         VARCHAR(16),
    assignee           VARCHAR(64),
    escalation_level   INTEGER      NOT NULL,
    escalated_to       VARCHAR(6),
    overdue            BOOLEAN      NOT NULL,
    next_escalation_at TIMESTAMP WITH TIME ZONE,
    expectation_id     CHAR(26),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX warnings_raised ON warnings (raised_at DESC, id DESC);
CREATE INDEX warnings_project ON warnings (tender_project_code, bid_section_code);
CREATE INDEX warnings_region ON warnings (region_code);
CREATE INDEX warnings_escalation ON warnings (next_escalation_at) WHERE next_escalation_at IS NOT NULL;

-- Every change of every warning: raised, refreshed, upgraded, acknowledged, assigned, resolved, escalated. Never
-- updated or deleted; seq orders the server-sent event stream and is its Last-Event-ID.
CREATE TABLE warning_events (
    seq         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    warning_id  CHAR(26)    NOT NULL REFERENCES warnings (id),
    type        VARCHAR(24) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16),
    comment     TEXT
);
CREATE INDEX warning_events_warning ON warning_events (warning_id, seq);

-- Silences: a warning matching an active silence is stored with status SILENCED and not notified.
CREATE TABLE silences (
    id            CHAR(26)    PRIMARY KEY,
    rule          VARCHAR(40),
    platform_code VARCHAR(18),
    region_code   VARCHAR(6),
    reason        TEXT        NOT NULL,
    created_by    VARCHAR(64) NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expired_by    VARCHAR(64),
    expired_at    TIMESTAMP WITH TIME ZONE
);
