-- 证书与通知书 (issue 14): the documents the bureau issues on its decisions (立项通知书, 验收证书, 后补助确认书,
-- 拨付通知书). A document is issued in the decision's transaction with its serial number, its verification code and
-- what it prints (content, JSON); its signed PDF is made once, after the commit, and kept with its SHA-256. A later
-- version of the same decision issues a new document that supersedes this one; the bureau may revoke one with a reason.

-- The last serial number given per type and year. The row is locked by the UPDATE that takes the next numbers, until
-- the decision commits: numbers are given in commit order, a rolled-back decision gives its numbers back (no gaps).
CREATE TABLE certificate_serial (
    certificate_type VARCHAR2(32 CHAR)    NOT NULL,
    serial_year      NUMBER(4)            NOT NULL,
    last_no          NUMBER(10)           NOT NULL,
    CONSTRAINT pk_certificate_serial PRIMARY KEY (certificate_type, serial_year),
    CONSTRAINT ck_certificate_serial_kind CHECK (certificate_type IN ('APPROVAL_NOTICE', 'ACCEPTANCE_CERTIFICATE',
        'SUBSIDY_CONFIRMATION', 'PAYMENT_NOTICE')),
    CONSTRAINT ck_certificate_serial_last CHECK (last_no >= 0 AND serial_year BETWEEN 2000 AND 9999)
);

CREATE TABLE certificate (
    id                NUMBER(19)           NOT NULL,
    certificate_type  VARCHAR2(32 CHAR)    NOT NULL,
    serial_year       NUMBER(4)            NOT NULL,
    serial_no         NUMBER(10)           NOT NULL,
    -- as printed: CXKJ-2026-BZ-000123
    serial            VARCHAR2(32 CHAR)    NOT NULL,
    -- 100 random bits in Crockford base 32 (20 characters), printed in groups of four
    verification_code VARCHAR2(20 CHAR)    NOT NULL,
    enterprise_id     NUMBER(19)           NOT NULL,
    project_id        NUMBER(19),
    call_id           NUMBER(19)           NOT NULL,
    -- the decision it states ("project:12", "call:3:enterprise:7") and the exact version of it ("run:41")
    subject           VARCHAR2(96 CHAR)    NOT NULL,
    subject_version   VARCHAR2(64 CHAR)    NOT NULL,
    amount            NUMBER(16, 2),
    decided_on        DATE                 NOT NULL,
    content           CLOB                 NOT NULL,
    state             VARCHAR2(16 CHAR)    NOT NULL,
    superseded_by     NUMBER(19),
    ended_at          TIMESTAMP(6),
    ended_by          VARCHAR2(64 CHAR),
    revoke_reason     VARCHAR2(1000 CHAR),
    -- the signed PDF's SHA-256 (hex), size and signing time: NULL until it is made, then never changed
    sha256            VARCHAR2(64 CHAR),
    pdf_size          NUMBER(10),
    signed_at         TIMESTAMP(6),
    created_at        TIMESTAMP(6)         NOT NULL,
    version           NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_certificate PRIMARY KEY (id),
    CONSTRAINT fk_certificate_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_certificate_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_certificate_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_certificate_superseded_by FOREIGN KEY (superseded_by) REFERENCES certificate (id),
    CONSTRAINT uk_certificate_serial UNIQUE (certificate_type, serial_year, serial_no),
    CONSTRAINT uk_certificate_serial_text UNIQUE (serial),
    CONSTRAINT uk_certificate_code UNIQUE (verification_code),
    -- one document per version of a decision: an event delivered twice issues nothing more
    CONSTRAINT uk_certificate_subject UNIQUE (certificate_type, subject, subject_version),
    CONSTRAINT ck_certificate_type CHECK (certificate_type IN ('APPROVAL_NOTICE', 'ACCEPTANCE_CERTIFICATE',
        'SUBSIDY_CONFIRMATION', 'PAYMENT_NOTICE')),
    CONSTRAINT ck_certificate_state CHECK (state IN ('VALID', 'SUPERSEDED', 'REVOKED')),
    CONSTRAINT ck_certificate_serial_no CHECK (serial_no > 0),
    CONSTRAINT ck_certificate_amount CHECK (amount IS NULL OR amount >= 0),
    CONSTRAINT ck_certificate_ended CHECK ((state = 'VALID' AND ended_at IS NULL AND superseded_by IS NULL
            AND revoke_reason IS NULL)
        OR (state = 'SUPERSEDED' AND ended_at IS NOT NULL AND revoke_reason IS NULL)
        OR (state = 'REVOKED' AND ended_at IS NOT NULL AND ended_by IS NOT NULL AND revoke_reason IS NOT NULL
            AND superseded_by IS NULL)),
    CONSTRAINT ck_certificate_signed CHECK ((sha256 IS NULL AND pdf_size IS NULL AND signed_at IS NULL)
        OR (sha256 IS NOT NULL AND pdf_size IS NOT NULL AND signed_at IS NOT NULL AND pdf_size > 0))
);
CREATE INDEX ix_certificate_enterprise ON certificate (enterprise_id, created_at);
CREATE INDEX ix_certificate_project ON certificate (project_id);
CREATE INDEX ix_certificate_call ON certificate (call_id, certificate_type);
CREATE INDEX ix_certificate_superseded_by ON certificate (superseded_by);
-- the documents still to be made (signed_at NULL), found by the timer that makes what a crash left unmade
CREATE INDEX ix_certificate_unsigned ON certificate (signed_at, id);
CREATE INDEX ix_certificate_subject ON certificate (certificate_type, subject, state);
-- the public verification of an uploaded PDF finds its document by the file's hash
CREATE INDEX ix_certificate_sha256 ON certificate (sha256);

-- The signed PDF, written once.
CREATE TABLE certificate_file (
    certificate_id NUMBER(19) NOT NULL,
    content        BLOB       NOT NULL,
    CONSTRAINT pk_certificate_file PRIMARY KEY (certificate_id),
    CONSTRAINT fk_certificate_file_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id)
);

-- Public verification lookups per client address and minute (the rate limit; shared by every server of a cluster).
CREATE TABLE verification_window (
    client_address VARCHAR2(64 CHAR) NOT NULL,
    window_start   TIMESTAMP(6)      NOT NULL,
    lookups        NUMBER(10)        NOT NULL,
    CONSTRAINT pk_verification_window PRIMARY KEY (client_address, window_start),
    CONSTRAINT ck_verification_window_lookups CHECK (lookups > 0)
);
CREATE INDEX ix_verification_window_start ON verification_window (window_start);
