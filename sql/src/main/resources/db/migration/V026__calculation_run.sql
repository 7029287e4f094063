-- Calculation runs (issue 12): a reviewer's run of the rule engine over a call (核定), kept as a version, and its lines,
-- one per enterprise, with everything the line used (parameters, inputs) and said (reasons, steps), so that reading it
-- after the call's parameters changed gives the same amounts and the same explanation.

-- 核定批次: one version of a call's calculation. PREVIEW until an approver who did not start it approves it (四眼原则);
-- APPROVED is frozen and the basis of payment; SUPERSEDED was approved and a later version of the call was approved
-- after it (kept, readable). version_no counts per call (the call row is locked while a run is numbered).
CREATE TABLE calculation_run (
    id              NUMBER(19)          NOT NULL,
    call_id         NUMBER(19)          NOT NULL,
    version_no      NUMBER(5)           NOT NULL,
    subsidy_kind    VARCHAR2(32 CHAR)   NOT NULL,
    state           VARCHAR2(16 CHAR)   NOT NULL,
    started_by      VARCHAR2(64 CHAR)   NOT NULL,
    started_at      TIMESTAMP(6)        NOT NULL,
    approved_by     VARCHAR2(64 CHAR),
    approved_at     TIMESTAMP(6),
    -- RuleParameters.format(): one name=value a line, as the run read them
    parameters      CLOB                NOT NULL,
    budget          NUMBER(16, 2)       NOT NULL,
    -- the sum before the budget step; the factor B / demand when pro-rata applied, else NULL
    demand          NUMBER(16, 2)       NOT NULL,
    factor          NUMBER(11, 10),
    total           NUMBER(16, 2)       NOT NULL,
    leftover        NUMBER(16, 2),
    line_count      NUMBER(9)           NOT NULL,
    created_at      TIMESTAMP(6)        NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_calculation_run PRIMARY KEY (id),
    CONSTRAINT fk_calculation_run_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    -- its index serves the foreign key on call_id too
    CONSTRAINT uk_calculation_run_version UNIQUE (call_id, version_no),
    CONSTRAINT ck_calculation_run_version_no CHECK (version_no >= 1),
    CONSTRAINT ck_calculation_run_kind CHECK (subsidy_kind IN ('PRE_APPROVED', 'RD_INVESTMENT', 'REWARD', 'SHARED_SERVICE')),
    CONSTRAINT ck_calculation_run_state CHECK (state IN ('PREVIEW', 'APPROVED', 'SUPERSEDED')),
    CONSTRAINT ck_calculation_run_approved CHECK ((state = 'PREVIEW' AND approved_by IS NULL AND approved_at IS NULL)
        OR (state <> 'PREVIEW' AND approved_by IS NOT NULL AND approved_at IS NOT NULL)),
    CONSTRAINT ck_calculation_run_four_eyes CHECK (approved_by IS NULL OR approved_by <> started_by),
    CONSTRAINT ck_calculation_run_amounts CHECK (budget >= 0 AND demand >= 0 AND total >= 0 AND total <= budget
        AND (leftover IS NULL OR leftover >= 0) AND line_count >= 0),
    CONSTRAINT ck_calculation_run_factor CHECK (factor IS NULL OR (factor >= 0 AND factor < 1))
);
CREATE INDEX ix_calculation_run_state ON calculation_run (state);

-- 核定明细: one enterprise in one run, at its position (the order the candidates were gathered). enterprise_id is NULL
-- for an enterprise not yet registered (免申即享 figures by USCC). origin names where the candidate came from
-- ("declaration:17", an import row). inputs: the KindInputs as JSON (the line is recomputable); reasons and steps:
-- JSON lists with zh and en.
CREATE TABLE calculation_line (
    run_id          NUMBER(19)          NOT NULL,
    position        NUMBER(9)           NOT NULL,
    enterprise_id   NUMBER(19),
    uscc            VARCHAR2(18 CHAR)   NOT NULL,
    name            VARCHAR2(200 CHAR)  NOT NULL,
    origin          VARCHAR2(64 CHAR)   NOT NULL,
    computable      NUMBER(1)           NOT NULL,
    eligible        NUMBER(1)           NOT NULL,
    kind_amount     NUMBER(16, 2)       NOT NULL,
    amount          NUMBER(16, 2)       NOT NULL,
    recovery        NUMBER(16, 2)       NOT NULL,
    inputs          CLOB                NOT NULL,
    reasons         CLOB                NOT NULL,
    steps           CLOB                NOT NULL,
    CONSTRAINT pk_calculation_line PRIMARY KEY (run_id, position),
    CONSTRAINT fk_calculation_line_run FOREIGN KEY (run_id) REFERENCES calculation_run (id),
    CONSTRAINT fk_calculation_line_ent FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT ck_calculation_line_position CHECK (position >= 0),
    CONSTRAINT ck_calculation_line_flags CHECK (computable IN (0, 1) AND eligible IN (0, 1)
        AND (computable = 1 OR eligible = 0)),
    CONSTRAINT ck_calculation_line_amounts CHECK (kind_amount >= 0 AND amount >= 0 AND recovery >= 0
        AND amount <= kind_amount AND (eligible = 1 OR amount = 0))
);
CREATE INDEX ix_calculation_line_ent ON calculation_line (enterprise_id);
