-- Audit entries are written in the action's own transaction into a queue, unchained; a short transaction right
-- after the commit (and a timer, for what a crash left) moves them into the chain under the chain-head lock, oldest
-- first. So the head is locked for a few rows' time, never for a whole business transaction, and an entry commits
-- or rolls back with its action: a crash between the two commits loses nothing.
-- The queue's ids come from innofund_seq (gaps and all); the chain's seq stays gapless.

CREATE TABLE audit_queue (
    id                 NUMBER(19)          NOT NULL,
    occurred_at        TIMESTAMP(6)        NOT NULL,
    username           VARCHAR2(64 CHAR),
    organisation_id    NUMBER(19),
    organisation_name  VARCHAR2(200 CHAR),
    action             VARCHAR2(64 CHAR)   NOT NULL,
    target             VARCHAR2(200 CHAR),
    outcome            VARCHAR2(16 CHAR)   NOT NULL,
    detail             VARCHAR2(1000 CHAR),
    client_address     VARCHAR2(64 CHAR),
    CONSTRAINT pk_audit_queue PRIMARY KEY (id),
    CONSTRAINT ck_audit_queue_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
);
CREATE INDEX ix_audit_queue_time ON audit_queue (occurred_at, id);
