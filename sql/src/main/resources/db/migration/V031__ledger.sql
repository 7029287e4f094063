-- 预算台账 (issue 13): every call's budget as double-entry accounts in whole fen. An account is a call and one of five
-- kinds (SOURCE: the other side of what was allocated; AVAILABLE; COMMITTED; PAID; RECEIVABLE: recoveries not yet
-- repaid); a balance is the sum of the account's entries, never stored apart. Transactions and entries are only ever
-- inserted: a mistake is corrected by a REVERSAL naming the transaction it reverses (at most once) and why.
CREATE TABLE ledger_transaction (
    id              NUMBER(19)           NOT NULL,
    call_id         NUMBER(19)           NOT NULL,
    kind            VARCHAR2(16 CHAR)    NOT NULL,
    -- what it records: "call:7" (the budget), "run:12" (an approved calculation run), later items and recoveries
    reference       VARCHAR2(64 CHAR)    NOT NULL,
    reason          VARCHAR2(1000 CHAR),
    reverses_id     NUMBER(19),
    recorded_by     VARCHAR2(64 CHAR)    NOT NULL,
    recorded_at     TIMESTAMP(6)         NOT NULL,
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_ledger_transaction PRIMARY KEY (id),
    CONSTRAINT fk_ledger_transaction_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_ledger_transaction_reverses FOREIGN KEY (reverses_id) REFERENCES ledger_transaction (id),
    CONSTRAINT uk_ledger_transaction_reverses UNIQUE (reverses_id),
    CONSTRAINT ck_ledger_transaction_kind CHECK (kind IN ('ALLOCATION', 'COMMITMENT', 'RELEASE', 'PAYMENT', 'RECOVERY',
        'REPAYMENT', 'REVERSAL')),
    CONSTRAINT ck_ledger_transaction_reversal CHECK ((kind = 'REVERSAL' AND reverses_id IS NOT NULL AND reason IS NOT NULL)
        OR (kind <> 'REVERSAL' AND reverses_id IS NULL))
);
CREATE INDEX ix_ledger_transaction_call ON ledger_transaction (call_id, kind);
CREATE INDEX ix_ledger_transaction_reference ON ledger_transaction (reference);

-- One side of a transaction: an account of the transaction's call and an amount in fen, debit positive, credit
-- negative; a transaction's entries sum to zero (checked where it is made: a CHECK cannot span rows). call_id repeats
-- the transaction's so that a balance is one index range: (call_id, account) with the amounts in the index itself.
CREATE TABLE ledger_entry (
    transaction_id  NUMBER(19)           NOT NULL,
    position        NUMBER(3)            NOT NULL,
    call_id         NUMBER(19)           NOT NULL,
    account         VARCHAR2(16 CHAR)    NOT NULL,
    amount_fen      NUMBER(19)           NOT NULL,
    CONSTRAINT pk_ledger_entry PRIMARY KEY (transaction_id, position),
    CONSTRAINT fk_ledger_entry_transaction FOREIGN KEY (transaction_id) REFERENCES ledger_transaction (id),
    CONSTRAINT fk_ledger_entry_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_ledger_entry_account CHECK (account IN ('SOURCE', 'AVAILABLE', 'COMMITTED', 'PAID', 'RECEIVABLE')),
    CONSTRAINT ck_ledger_entry_amount CHECK (amount_fen <> 0)
);
-- serves the foreign key on call_id too
CREATE INDEX ix_ledger_entry_balance ON ledger_entry (call_id, account, amount_fen);

-- The budgets of the calls published before the ledger: allocated as they stand (a published call's budget is frozen).
INSERT INTO ledger_transaction (id, call_id, kind, reference, recorded_by, recorded_at, created_at)
    SELECT innofund_seq.NEXTVAL, c.id, 'ALLOCATION', 'call:' || c.id, 'system', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM funding_call c WHERE c.status = 'PUBLISHED' AND c.budget > 0;
INSERT INTO ledger_entry (transaction_id, position, call_id, account, amount_fen)
    SELECT t.id, 0, t.call_id, 'SOURCE', -ROUND(c.budget * 100) FROM ledger_transaction t
    JOIN funding_call c ON c.id = t.call_id WHERE t.kind = 'ALLOCATION';
INSERT INTO ledger_entry (transaction_id, position, call_id, account, amount_fen)
    SELECT t.id, 1, t.call_id, 'AVAILABLE', ROUND(c.budget * 100) FROM ledger_transaction t
    JOIN funding_call c ON c.id = t.call_id WHERE t.kind = 'ALLOCATION';

