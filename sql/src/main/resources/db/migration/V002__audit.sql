-- Tamper-evident audit trail: every entry stores SHA-256 over its content and the previous entry's hash.
-- Entries are numbered by the chain itself (seq); the single chain-head row is locked while an entry
-- is appended, so concurrent writers (on any server of a cluster) never fork the chain.

CREATE TABLE audit_entry (
    seq                NUMBER(19)          PRIMARY KEY,
    occurred_at        TIMESTAMP(6)        NOT NULL,
    username           VARCHAR2(64 CHAR),
    organisation_id    NUMBER(19),
    organisation_name  VARCHAR2(200 CHAR),
    action             VARCHAR2(64 CHAR)   NOT NULL,
    target             VARCHAR2(200 CHAR),
    outcome            VARCHAR2(16 CHAR)   NOT NULL,
    detail             VARCHAR2(1000 CHAR),
    client_address     VARCHAR2(64 CHAR),
    prev_hash          VARCHAR2(64 CHAR)   NOT NULL,
    entry_hash         VARCHAR2(64 CHAR)   NOT NULL,
    CONSTRAINT ck_audit_entry_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_user ON audit_entry (username);
CREATE INDEX ix_audit_entry_action ON audit_entry (action);

CREATE TABLE audit_chain_head (
    id         NUMBER(1)         PRIMARY KEY,
    last_seq   NUMBER(19)        NOT NULL,
    last_hash  VARCHAR2(64 CHAR) NOT NULL,
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
