-- 收款账户 (issue 13): the bank account an enterprise is paid to, kept by the enterprise. Never edited: a change is a new
-- row and the one it replaces is superseded (the history is the audit's and finance's). current_of is the enterprise's
-- id on its current account and NULL on a superseded one, so that an enterprise has at most one current account (a
-- unique key on one nullable column: Oracle and H2 both let NULLs repeat). A change puts payments to the new account on
-- hold for the call's accountHoldDays from changed_at, unless finance released the hold (after calling the company).
CREATE TABLE payee_account (
    id                  NUMBER(19)           NOT NULL,
    enterprise_id       NUMBER(19)           NOT NULL,
    current_of          NUMBER(19),
    account_name        VARCHAR2(200 CHAR)   NOT NULL,
    account_number      VARCHAR2(32 CHAR)    NOT NULL,
    bank_name           VARCHAR2(100 CHAR)   NOT NULL,
    branch_name         VARCHAR2(100 CHAR)   NOT NULL,
    -- the account it replaced (NULL: the enterprise's first, which is not held: nothing was swapped)
    replaces_id         NUMBER(19),
    changed_by          VARCHAR2(64 CHAR)    NOT NULL,
    changed_at          TIMESTAMP(6)         NOT NULL,
    superseded_at       TIMESTAMP(6),
    hold_released_by    VARCHAR2(64 CHAR),
    hold_released_at    TIMESTAMP(6),
    hold_release_note   VARCHAR2(1000 CHAR),
    created_at          TIMESTAMP(6)         NOT NULL,
    version             NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_payee_account PRIMARY KEY (id),
    CONSTRAINT fk_payee_account_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_payee_account_replaces FOREIGN KEY (replaces_id) REFERENCES payee_account (id),
    CONSTRAINT uk_payee_account_current UNIQUE (current_of),
    -- "current_of IS NOT NULL" spelled out: NULL = enterprise_id is unknown, and a CHECK lets an unknown row pass
    CONSTRAINT ck_payee_account_current CHECK ((current_of IS NULL AND superseded_at IS NOT NULL)
        OR (current_of IS NOT NULL AND current_of = enterprise_id AND superseded_at IS NULL)),
    -- only a changed account is held, so only a changed account's hold is released
    CONSTRAINT ck_payee_account_release CHECK ((hold_released_at IS NULL AND hold_released_by IS NULL)
        OR (hold_released_at IS NOT NULL AND hold_released_by IS NOT NULL AND hold_release_note IS NOT NULL
            AND replaces_id IS NOT NULL))
);
CREATE INDEX ix_payee_account_enterprise ON payee_account (enterprise_id, changed_at);
CREATE INDEX ix_payee_account_replaces ON payee_account (replaces_id);
