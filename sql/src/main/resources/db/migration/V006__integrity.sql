-- Scientific-integrity blacklist (科研诚信记录): while an entry holds, the enterprise cannot declare or be paid,
-- and the agency cannot be assigned.

CREATE TABLE integrity_record (
    id               NUMBER(19)          PRIMARY KEY,
    subject_kind     VARCHAR2(16 CHAR)   NOT NULL,
    subject_uscc     VARCHAR2(18 CHAR)   NOT NULL,
    subject_name     VARCHAR2(200 CHAR)  NOT NULL,
    reason           VARCHAR2(1000 CHAR) NOT NULL,
    valid_from       DATE                NOT NULL,
    valid_until      DATE                NOT NULL,
    created_by       VARCHAR2(64 CHAR)   NOT NULL,
    created_at       TIMESTAMP(6)        NOT NULL,
    version          NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT ck_integrity_subject CHECK (subject_kind IN ('ENTERPRISE', 'AGENCY')),
    CONSTRAINT ck_integrity_period CHECK (valid_until >= valid_from)
);
CREATE INDEX ix_integrity_uscc ON integrity_record (subject_uscc);
