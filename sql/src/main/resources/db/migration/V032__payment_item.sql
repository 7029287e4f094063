-- 应付款项 (issue 13): what an approved calculation run owes, one item per enterprise line with an amount (PRE_APPROVED
-- later in tranches), committed in the ledger item by item. PAYABLE until finance puts it in a batch; PAID once the
-- bank says so (at most once: the state and the unique key); CANCELLED when a later run of the call is approved before
-- it was paid (its commitment released).
CREATE TABLE payment_item (
    id              NUMBER(19)           NOT NULL,
    call_id         NUMBER(19)           NOT NULL,
    run_id          NUMBER(19)           NOT NULL,
    position        NUMBER(9)            NOT NULL,
    tranche         VARCHAR2(16 CHAR)    NOT NULL,
    enterprise_id   NUMBER(19)           NOT NULL,
    uscc            VARCHAR2(18 CHAR)    NOT NULL,
    payee_name      VARCHAR2(200 CHAR)   NOT NULL,
    amount          NUMBER(16, 2)        NOT NULL,
    state           VARCHAR2(16 CHAR)    NOT NULL,
    cancelled_at    TIMESTAMP(6),
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_payment_item PRIMARY KEY (id),
    CONSTRAINT fk_payment_item_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_payment_item_line FOREIGN KEY (run_id, position) REFERENCES calculation_line (run_id, position),
    CONSTRAINT fk_payment_item_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    -- its index serves the foreign key on (run_id, position) too
    CONSTRAINT uk_payment_item_line UNIQUE (run_id, position, tranche),
    CONSTRAINT ck_payment_item_tranche CHECK (tranche IN ('FULL', 'ADVANCE', 'BALANCE')),
    CONSTRAINT ck_payment_item_state CHECK (state IN ('PAYABLE', 'PAID', 'CANCELLED')),
    CONSTRAINT ck_payment_item_amount CHECK (amount > 0),
    CONSTRAINT ck_payment_item_cancelled CHECK ((state = 'CANCELLED' AND cancelled_at IS NOT NULL)
        OR (state <> 'CANCELLED' AND cancelled_at IS NULL))
);
CREATE INDEX ix_payment_item_call ON payment_item (call_id, state);
CREATE INDEX ix_payment_item_enterprise ON payment_item (enterprise_id);

-- The runs approved before payment items: their items, each committed (AVAILABLE to COMMITTED), as an approval does.
INSERT INTO payment_item (id, call_id, run_id, position, tranche, enterprise_id, uscc, payee_name, amount, state, created_at)
    SELECT innofund_seq.NEXTVAL, r.call_id, l.run_id, l.position, 'FULL', l.enterprise_id, l.uscc, o.name, l.amount,
           'PAYABLE', CURRENT_TIMESTAMP
    FROM calculation_line l JOIN calculation_run r ON r.id = l.run_id JOIN organisation o ON o.id = l.enterprise_id
    WHERE r.state = 'APPROVED' AND l.amount > 0 AND l.uscc IS NOT NULL;
INSERT INTO ledger_transaction (id, call_id, kind, reference, recorded_by, recorded_at, created_at)
    SELECT innofund_seq.NEXTVAL, i.call_id, 'COMMITMENT', 'item:' || i.id, 'system', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM payment_item i;
INSERT INTO ledger_entry (transaction_id, position, call_id, account, amount_fen)
    SELECT t.id, 0, t.call_id, 'AVAILABLE', -ROUND(i.amount * 100) FROM ledger_transaction t
    JOIN payment_item i ON t.reference = 'item:' || i.id WHERE t.kind = 'COMMITMENT';
INSERT INTO ledger_entry (transaction_id, position, call_id, account, amount_fen)
    SELECT t.id, 1, t.call_id, 'COMMITTED', ROUND(i.amount * 100) FROM ledger_transaction t
    JOIN payment_item i ON t.reference = 'item:' || i.id WHERE t.kind = 'COMMITMENT';
