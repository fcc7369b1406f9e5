-- Ownership of projects: the platform that first pushed a record of a project owns it, with all its sections and
-- expectations; only the owner, and platforms the system administrator has named co-platforms of the project, may
-- push records that name it. A project moves to another platform (交易平台变更) only by the handover action of the
-- administration API, which the audit trail records.
CREATE TABLE project_owners (
    trade_type    VARCHAR(8)   NOT NULL,
    project_code  VARCHAR(100) NOT NULL,
    platform_code VARCHAR(18)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trade_type, project_code)
);
CREATE INDEX project_owners_platform ON project_owners (platform_code);

-- Platforms other than the owner allowed to push records of a project (e.g. a remote-evaluation platform that pushes
-- the evaluation of a project another platform runs), each granted by a system administrator with a reason.
CREATE TABLE project_co_platforms (
    trade_type    VARCHAR(8)   NOT NULL,
    project_code  VARCHAR(100) NOT NULL,
    platform_code VARCHAR(18)  NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    granted_by    VARCHAR(64)  NOT NULL,
    granted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trade_type, project_code, platform_code)
);

-- Projects received before ownership existed belong to the platform of their earliest section (of several created at
-- the same instant, the smallest platform code).
INSERT INTO project_owners (trade_type, project_code, platform_code, created_at, updated_at)
SELECT s.trade_type, s.project_code, MIN(s.platform_code), s.created_at, s.created_at
FROM sections s
WHERE s.created_at = (SELECT MIN(f.created_at) FROM sections f
                      WHERE f.trade_type = s.trade_type AND f.project_code = s.project_code)
GROUP BY s.trade_type, s.project_code, s.created_at;
