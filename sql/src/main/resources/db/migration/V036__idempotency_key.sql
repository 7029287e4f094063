-- Idempotency-Key (issue 13): a state-changing API call sent again with the same key gets the first answer instead of
-- running twice. A key is its caller's (the authenticated username: anonymous calls take no key) and is kept 24 hours.
-- The first request reserves the key by inserting its row (IN_PROGRESS; the primary key decides between concurrent
-- requests), then completes it with the answer (DONE) or, when the answer was above the size kept, only its status
-- (NOT_KEPT); a request that failed with 5xx deletes its reservation so that a retry can run.
CREATE TABLE idempotency_key (
    username        VARCHAR2(64 CHAR)    NOT NULL,
    idempotency_key VARCHAR2(128 CHAR)   NOT NULL,
    method          VARCHAR2(8 CHAR)     NOT NULL,
    path            VARCHAR2(1000 CHAR)  NOT NULL,
    -- SHA-256 (hex) of the query string, the content type and the body: "the same request"
    request_hash    VARCHAR2(64 CHAR)    NOT NULL,
    state           VARCHAR2(16 CHAR)    NOT NULL,
    status          NUMBER(3),
    content_type    VARCHAR2(255 CHAR),
    location        VARCHAR2(1000 CHAR),
    body            BLOB,
    created_at      TIMESTAMP(6)         NOT NULL,
    completed_at    TIMESTAMP(6),
    CONSTRAINT pk_idempotency_key PRIMARY KEY (username, idempotency_key),
    CONSTRAINT ck_idempotency_key_state CHECK (state IN ('IN_PROGRESS', 'DONE', 'NOT_KEPT')),
    CONSTRAINT ck_idempotency_key_answer CHECK ((state = 'IN_PROGRESS' AND status IS NULL AND completed_at IS NULL)
        OR (state <> 'IN_PROGRESS' AND status IS NOT NULL AND status BETWEEN 100 AND 499
            AND completed_at IS NOT NULL)),
    CONSTRAINT ck_idempotency_key_method CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE'))
);
-- the pruning timer deletes by age
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
