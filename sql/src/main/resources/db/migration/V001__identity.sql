-- Organisations (bureau, enterprises, agencies), their users and roles.
-- Oracle 19c dialect; also runs on H2 in MODE=Oracle. Times are UTC.

-- One sequence numbers the rows of every table; JPA takes blocks of 50 (INCREMENT BY = allocationSize),
-- so each server of a cluster draws its own block. EclipseLink reads value N as the block N-49..N,
-- hence the start at 50.
CREATE SEQUENCE innofund_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE organisation (
    id             NUMBER(19) PRIMARY KEY,
    kind           VARCHAR2(16 CHAR)  NOT NULL,
    name           VARCHAR2(200 CHAR) NOT NULL,
    uscc           VARCHAR2(18 CHAR),
    contact_name   VARCHAR2(100 CHAR),
    contact_phone  VARCHAR2(40 CHAR),
    created_at     TIMESTAMP(6)       NOT NULL,
    version        NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT ck_organisation_kind CHECK (kind IN ('BUREAU', 'ENTERPRISE', 'AGENCY')),
    CONSTRAINT uk_organisation_uscc UNIQUE (uscc)
);

CREATE TABLE user_account (
    id               NUMBER(19) PRIMARY KEY,
    username         VARCHAR2(64 CHAR)  NOT NULL,
    display_name     VARCHAR2(100 CHAR) NOT NULL,
    password_hash    VARCHAR2(255 CHAR) NOT NULL,
    organisation_id  NUMBER(19)         NOT NULL,
    enabled          NUMBER(1) DEFAULT 1 NOT NULL,
    -- Bumped when the account is disabled or its password reset: sessions opened under an older epoch end.
    session_epoch    NUMBER(10) DEFAULT 0 NOT NULL,
    created_at       TIMESTAMP(6)       NOT NULL,
    version          NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT uk_user_account_username UNIQUE (username),
    CONSTRAINT fk_user_account_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_user_account_enabled CHECK (enabled IN (0, 1))
);
CREATE INDEX ix_user_account_org ON user_account (organisation_id);

CREATE TABLE user_role (
    user_id  NUMBER(19)        NOT NULL,
    role     VARCHAR2(16 CHAR) NOT NULL,
    CONSTRAINT pk_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT ck_user_role_role CHECK (role IN ('ENTERPRISE', 'AGENCY', 'REVIEWER', 'APPROVER', 'FINANCE', 'ADMIN'))
);

-- Failed logins are counted per normalised user name, whether or not the account exists,
-- so that the lockout itself does not reveal which user names exist.
CREATE TABLE login_throttle (
    username         VARCHAR2(64 CHAR) PRIMARY KEY,
    failed_count     NUMBER(5) DEFAULT 0 NOT NULL,
    last_failure_at  TIMESTAMP(6),
    locked_until     TIMESTAMP(6),
    version          NUMBER(19) DEFAULT 0 NOT NULL
);

-- API bearer tokens; only the SHA-256 of the token is stored.
CREATE TABLE api_token (
    id          NUMBER(19) PRIMARY KEY,
    user_id     NUMBER(19)        NOT NULL,
    token_hash  VARCHAR2(64 CHAR) NOT NULL,
    issued_at   TIMESTAMP(6)      NOT NULL,
    expires_at  TIMESTAMP(6)      NOT NULL,
    revoked     NUMBER(1) DEFAULT 0 NOT NULL,
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT ck_api_token_revoked CHECK (revoked IN (0, 1))
);
CREATE INDEX ix_api_token_user ON api_token (user_id);
