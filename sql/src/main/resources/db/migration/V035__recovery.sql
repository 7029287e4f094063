-- 追回 (issue 13): money an enterprise is asked to pay back into a call's budget. Raised by the reviewer (an integrity
-- violation, with a reason) or by the system (a PRE_APPROVED project failing acceptance, or its balance negative in an
-- approved run). OPEN until the repayments reach the amount (SETTLED). While OPEN it blocks payments to the enterprise
-- unless an approver released that block (the debt stands). The ledger records the claim (PAID to RECEIVABLE) and each
-- repayment (RECEIVABLE to AVAILABLE) under "recovery:<id>".
CREATE TABLE recovery (
    id                    NUMBER(19)           NOT NULL,
    call_id               NUMBER(19)           NOT NULL,
    enterprise_id         NUMBER(19)           NOT NULL,
    project_id            NUMBER(19),
    origin                VARCHAR2(24 CHAR)    NOT NULL,
    amount                NUMBER(16, 2)        NOT NULL,
    repaid                NUMBER(16, 2) DEFAULT 0 NOT NULL,
    reason                VARCHAR2(1000 CHAR)  NOT NULL,
    due_on                DATE                 NOT NULL,
    state                 VARCHAR2(16 CHAR)    NOT NULL,
    raised_by             VARCHAR2(64 CHAR)    NOT NULL,
    settled_at            TIMESTAMP(6),
    block_released_by     VARCHAR2(64 CHAR),
    block_released_at     TIMESTAMP(6),
    block_release_reason  VARCHAR2(1000 CHAR),
    created_at            TIMESTAMP(6)         NOT NULL,
    version               NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_recovery PRIMARY KEY (id),
    CONSTRAINT fk_recovery_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_recovery_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_recovery_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_recovery_origin CHECK (origin IN ('INTEGRITY', 'ACCEPTANCE_FAILED', 'NEGATIVE_BALANCE')),
    CONSTRAINT ck_recovery_state CHECK (state IN ('OPEN', 'SETTLED')),
    CONSTRAINT ck_recovery_amounts CHECK (amount > 0 AND repaid >= 0 AND repaid <= amount),
    CONSTRAINT ck_recovery_settled CHECK ((state = 'SETTLED' AND repaid = amount AND settled_at IS NOT NULL)
        OR (state = 'OPEN' AND repaid < amount AND settled_at IS NULL)),
    CONSTRAINT ck_recovery_release CHECK ((block_released_at IS NULL AND block_released_by IS NULL)
        OR (block_released_at IS NOT NULL AND block_released_by IS NOT NULL AND block_release_reason IS NOT NULL))
);
CREATE INDEX ix_recovery_enterprise ON recovery (enterprise_id, state);
CREATE INDEX ix_recovery_call ON recovery (call_id);
CREATE INDEX ix_recovery_project ON recovery (project_id);
CREATE INDEX ix_recovery_due ON recovery (state, due_on);

-- 还款: one repayment of a recovery as finance recorded it (partial allowed).
CREATE TABLE recovery_repayment (
    id              NUMBER(19)           NOT NULL,
    recovery_id     NUMBER(19)           NOT NULL,
    amount          NUMBER(16, 2)        NOT NULL,
    received_on     DATE                 NOT NULL,
    bank_reference  VARCHAR2(64 CHAR)    NOT NULL,
    recorded_by     VARCHAR2(64 CHAR)    NOT NULL,
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_recovery_repayment PRIMARY KEY (id),
    CONSTRAINT fk_recovery_repayment_recovery FOREIGN KEY (recovery_id) REFERENCES recovery (id),
    -- the same bank transfer is not recorded twice against one recovery
    CONSTRAINT uk_recovery_repayment_reference UNIQUE (recovery_id, bank_reference),
    CONSTRAINT ck_recovery_repayment_amount CHECK (amount > 0)
);
