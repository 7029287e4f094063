-- 拨付批次 (issue 13): finance gathers payable items into a batch (DRAFT), submits it, an approver who did not prepare it
-- approves or rejects it (with a reason: its items become payable again), finance exports the treasury file
-- (EXPORTED) and records the bank's result per line; when every line has one the batch is CLOSED.
CREATE TABLE payment_batch (
    id              NUMBER(19)           NOT NULL,
    state           VARCHAR2(16 CHAR)    NOT NULL,
    line_count      NUMBER(9)            NOT NULL,
    total           NUMBER(16, 2)        NOT NULL,
    prepared_by     VARCHAR2(64 CHAR)    NOT NULL,
    submitted_at    TIMESTAMP(6),
    decided_by      VARCHAR2(64 CHAR),
    decided_at      TIMESTAMP(6),
    reject_reason   VARCHAR2(1000 CHAR),
    exported_by     VARCHAR2(64 CHAR),
    exported_at     TIMESTAMP(6),
    closed_at       TIMESTAMP(6),
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_payment_batch PRIMARY KEY (id),
    CONSTRAINT ck_payment_batch_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'EXPORTED', 'CLOSED')),
    CONSTRAINT ck_payment_batch_total CHECK (total >= 0 AND line_count >= 0),
    -- 四眼: whoever decides did not prepare it
    CONSTRAINT ck_payment_batch_four_eyes CHECK (decided_by IS NULL OR decided_by <> prepared_by),
    CONSTRAINT ck_payment_batch_rejected CHECK ((state = 'REJECTED' AND reject_reason IS NOT NULL)
        OR (state <> 'REJECTED' AND reject_reason IS NULL))
);
CREATE INDEX ix_payment_batch_state ON payment_batch (state);

-- One item in a batch, with the payee's account as it was when the item was added (what the approver approves and the
-- treasury file pays), and the bank's result. paid_item_id is the item's id once the bank paid this line and NULL
-- otherwise: its unique key is the "paid at most once" of an item, whatever batches it went through.
CREATE TABLE payment_batch_line (
    batch_id          NUMBER(19)           NOT NULL,
    item_id           NUMBER(19)           NOT NULL,
    position          NUMBER(9)            NOT NULL,
    amount            NUMBER(16, 2)        NOT NULL,
    payee_account_id  NUMBER(19)           NOT NULL,
    result            VARCHAR2(16 CHAR)    NOT NULL,
    bank_reference    VARCHAR2(64 CHAR),
    paid_on           DATE,
    failure_reason    VARCHAR2(1000 CHAR),
    result_by         VARCHAR2(64 CHAR),
    result_at         TIMESTAMP(6),
    paid_item_id      NUMBER(19),
    CONSTRAINT pk_payment_batch_line PRIMARY KEY (batch_id, item_id),
    CONSTRAINT fk_payment_batch_line_batch FOREIGN KEY (batch_id) REFERENCES payment_batch (id),
    CONSTRAINT fk_payment_batch_line_item FOREIGN KEY (item_id) REFERENCES payment_item (id),
    CONSTRAINT fk_payment_batch_line_account FOREIGN KEY (payee_account_id) REFERENCES payee_account (id),
    CONSTRAINT uk_payment_batch_line_position UNIQUE (batch_id, position),
    CONSTRAINT uk_payment_batch_line_paid UNIQUE (paid_item_id),
    CONSTRAINT ck_payment_batch_line_result CHECK (result IN ('PENDING', 'PAID', 'FAILED')),
    CONSTRAINT ck_payment_batch_line_paid CHECK (
        -- IS NOT NULL spelled out: a comparison with NULL is unknown, and an unknown CHECK passes
        (result = 'PAID' AND paid_item_id IS NOT NULL AND paid_item_id = item_id AND bank_reference IS NOT NULL
            AND paid_on IS NOT NULL)
        OR (result = 'FAILED' AND paid_item_id IS NULL AND failure_reason IS NOT NULL)
        OR (result = 'PENDING' AND paid_item_id IS NULL))
);
CREATE INDEX ix_payment_batch_line_item ON payment_batch_line (item_id);
CREATE INDEX ix_payment_batch_line_account ON payment_batch_line (payee_account_id);

-- An item is in at most one open batch: the item's row names it (batch_id), set while the item is IN_BATCH.
ALTER TABLE payment_item ADD batch_id NUMBER(19);
ALTER TABLE payment_item ADD CONSTRAINT fk_payment_item_batch FOREIGN KEY (batch_id) REFERENCES payment_batch (id);
CREATE INDEX ix_payment_item_batch ON payment_item (batch_id);
ALTER TABLE payment_item DROP CONSTRAINT ck_payment_item_state;
ALTER TABLE payment_item ADD CONSTRAINT ck_payment_item_state
    CHECK (state IN ('PAYABLE', 'IN_BATCH', 'PAID', 'CANCELLED'));
ALTER TABLE payment_item ADD CONSTRAINT ck_payment_item_batch
    CHECK ((state = 'IN_BATCH' AND batch_id IS NOT NULL) OR (state <> 'IN_BATCH' AND batch_id IS NULL));
