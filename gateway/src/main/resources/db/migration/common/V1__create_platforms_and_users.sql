-- Trading systems allowed to push. Secrets are stored encrypted (AES-256-GCM under a key derived from the master
-- key); the previous secret stays valid until previous_secret_expires_at after a rotation.
CREATE TABLE platforms (
    code                       VARCHAR(18)  PRIMARY KEY,
    name                       VARCHAR(200) NOT NULL,
    region_code                VARCHAR(6)   NOT NULL,
    enabled                    BOOLEAN      NOT NULL,
    datasets                   VARCHAR(4000) NOT NULL,
    secret_ciphertext          VARCHAR(512) NOT NULL,
    previous_secret_ciphertext VARCHAR(512),
    previous_secret_expires_at TIMESTAMP WITH TIME ZONE,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);

-- People: administrators (三员: SYSADMIN, SECADMIN, AUDITOR) and regulators scoped to regions and trade types.
CREATE TABLE app_users (
    username      VARCHAR(64)   PRIMARY KEY,
    password_hash VARCHAR(200)  NOT NULL,
    roles         VARCHAR(200)  NOT NULL,
    region_codes  VARCHAR(2000) NOT NULL,
    trade_types   VARCHAR(200)  NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
