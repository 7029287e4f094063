-- 免申即享 (issue 12): the bureau imports enterprises' figures for an RD_INVESTMENT or REWARD call; every enterprise
-- that qualifies gets a confirmation request (确认享受) with the amount computed from them. A request is keyed by the
-- USCC, not the organisation: an enterprise that registers after the import finds it by its code.

-- One taken file (a dry run stores nothing). file_sha256 names the exact file taken.
CREATE TABLE exempt_import (
    id             NUMBER(19)           NOT NULL,
    call_id        NUMBER(19)           NOT NULL,
    file_sha256    VARCHAR2(64 CHAR)    NOT NULL,
    row_count      NUMBER(6)            NOT NULL,
    request_count  NUMBER(6)            NOT NULL,
    imported_by    VARCHAR2(64 CHAR)    NOT NULL,
    created_at     TIMESTAMP(6)         NOT NULL,
    version        NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_exempt_import PRIMARY KEY (id),
    CONSTRAINT fk_exempt_import_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_exempt_import_counts CHECK (row_count >= 1 AND request_count >= 0)
);
CREATE INDEX ix_exempt_import_call ON exempt_import (call_id);

-- figures and explanation: JSON, read whole with the request. A CONFIRMED request holds the account it is paid to;
-- an answered one (CONFIRMED, DECLINED) who answered and when. REPLACED: superseded by a later import, unanswered.
CREATE TABLE confirmation_request (
    id              NUMBER(19)           NOT NULL,
    call_id         NUMBER(19)           NOT NULL,
    import_id       NUMBER(19)           NOT NULL,
    uscc            VARCHAR2(18 CHAR)    NOT NULL,
    company_name    VARCHAR2(200 CHAR)   NOT NULL,
    source_row      NUMBER(6)            NOT NULL,
    figures         CLOB                 NOT NULL,
    amount          NUMBER(16,2)         NOT NULL,
    explanation     CLOB                 NOT NULL,
    state           VARCHAR2(16 CHAR)    NOT NULL,
    enterprise_id   NUMBER(19),
    account_name    VARCHAR2(200 CHAR),
    account_number  VARCHAR2(32 CHAR),
    bank_name       VARCHAR2(100 CHAR),
    decided_by      VARCHAR2(64 CHAR),
    decided_at      TIMESTAMP(6),
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_confirmation_request PRIMARY KEY (id),
    CONSTRAINT uk_confirmation_request_uscc UNIQUE (import_id, uscc),
    CONSTRAINT fk_confirmation_request_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_confirmation_request_import FOREIGN KEY (import_id) REFERENCES exempt_import (id),
    CONSTRAINT fk_confirmation_request_org FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT ck_confirmation_request_state CHECK (state IN ('PENDING', 'CONFIRMED', 'DECLINED', 'REPLACED')),
    CONSTRAINT ck_confirmation_request_amount CHECK (amount > 0),
    CONSTRAINT ck_confirmation_request_answer CHECK (
        (state IN ('PENDING', 'REPLACED') AND enterprise_id IS NULL AND decided_at IS NULL AND account_number IS NULL)
        OR (state = 'DECLINED' AND enterprise_id IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND account_number IS NULL)
        OR (state = 'CONFIRMED' AND enterprise_id IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND account_name IS NOT NULL AND account_number IS NOT NULL AND bank_name IS NOT NULL))
);
CREATE INDEX ix_confirmation_request_call ON confirmation_request (call_id, state);
CREATE INDEX ix_confirmation_request_uscc ON confirmation_request (uscc, state);
CREATE INDEX ix_confirmation_request_org ON confirmation_request (enterprise_id);
