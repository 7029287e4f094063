-- Evaluations (issue 10): the stages a call's projects go through, whether it takes a single consolidated sheet, and
-- the agencies' evaluations with their experts' sheets and scores, one row per version (a correction adds a version,
-- the old one stays: nothing a decision rests on is deleted).

-- 评估阶段 of a call: PRE_APPROVED projects go through approval, midterm and acceptance; the post-subsidy kinds through
-- approval only (the verification of the declared figures). Existing calls get their kind's default.
CREATE TABLE call_evaluation_stage (
    call_id  NUMBER(19)        NOT NULL,
    stage    VARCHAR2(16 CHAR) NOT NULL,
    CONSTRAINT pk_call_evaluation_stage PRIMARY KEY (call_id, stage),
    CONSTRAINT fk_call_evaluation_stage FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_call_evaluation_stage CHECK (stage IN ('APPROVAL', 'MIDTERM', 'ACCEPTANCE', 'PERFORMANCE'))
);
INSERT INTO call_evaluation_stage (call_id, stage) SELECT id, 'APPROVAL' FROM funding_call;
INSERT INTO call_evaluation_stage (call_id, stage) SELECT c.id, 'MIDTERM' FROM funding_call c
    JOIN program p ON p.id = c.program_id WHERE p.subsidy_kind = 'PRE_APPROVED';
INSERT INTO call_evaluation_stage (call_id, stage) SELECT c.id, 'ACCEPTANCE' FROM funding_call c
    JOIN program p ON p.id = c.program_id WHERE p.subsidy_kind = 'PRE_APPROVED';

-- 汇总评分表: whether an agency may give one consolidated sheet instead of the experts' own (no by default).
ALTER TABLE funding_call ADD consolidated_sheet NUMBER(1) DEFAULT 0 NOT NULL;
ALTER TABLE funding_call ADD CONSTRAINT ck_funding_call_consolidated CHECK (consolidated_sheet IN (0, 1));

-- 评估报告: one version of an agency's evaluation of one assignment. A DRAFT stores what was given (it may be
-- incomplete); a SUBMITTED one is complete and final, with its total and grade. Version n > 1 exists because the
-- reviewer allowed a correction, and says who, when and why.
CREATE TABLE evaluation (
    id                      NUMBER(19)          NOT NULL,
    assignment_id           NUMBER(19)          NOT NULL,
    version_no              NUMBER(3)           NOT NULL,
    state                   VARCHAR2(16 CHAR)   NOT NULL,
    consolidated            NUMBER(1) DEFAULT 0 NOT NULL,
    total                   NUMBER(5, 2),
    grade                   VARCHAR2(16 CHAR),
    verdict                 VARCHAR2(32 CHAR),
    recommended_amount      NUMBER(16, 2),
    -- 核定数据 (the post-subsidy kinds' approval stage): the declaration's R&D figures as the agency verified them
    verified_expense_tax    NUMBER(16, 2),
    verified_expense_stat   NUMBER(16, 2),
    verified_expense_prior  NUMBER(16, 2),
    verified_revenue        NUMBER(16, 2),
    verified_patents        NUMBER(9),
    verified_applications   NUMBER(9),
    verified_rd_staff       NUMBER(9),
    verified_total_staff    NUMBER(9),
    audited_actual_spend    NUMBER(16, 2),
    opinion                 CLOB,
    -- the report PDF; its content is in evaluation_report_content
    report_name             VARCHAR2(255 CHAR),
    report_size             NUMBER(12),
    report_sha256           VARCHAR2(64 CHAR),
    report_uploaded_by      VARCHAR2(64 CHAR),
    report_uploaded_at      TIMESTAMP(6),
    submitted_by            VARCHAR2(64 CHAR),
    submitted_at            TIMESTAMP(6),
    correction_reason       VARCHAR2(1000 CHAR),
    correction_allowed_by   VARCHAR2(64 CHAR),
    correction_allowed_at   TIMESTAMP(6),
    created_at              TIMESTAMP(6)        NOT NULL,
    version                 NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_evaluation PRIMARY KEY (id),
    CONSTRAINT fk_evaluation_assignment FOREIGN KEY (assignment_id) REFERENCES evaluation_assignment (id),
    -- its index serves the foreign key too
    CONSTRAINT uk_evaluation_version UNIQUE (assignment_id, version_no),
    CONSTRAINT ck_evaluation_version_no CHECK (version_no >= 1),
    CONSTRAINT ck_evaluation_state CHECK (state IN ('DRAFT', 'SUBMITTED')),
    CONSTRAINT ck_evaluation_consolidated CHECK (consolidated IN (0, 1)),
    CONSTRAINT ck_evaluation_total CHECK (total IS NULL OR (total >= 0 AND total <= 100)),
    CONSTRAINT ck_evaluation_grade CHECK (grade IS NULL OR grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    CONSTRAINT ck_evaluation_verdict CHECK (verdict IS NULL OR verdict IN ('RECOMMEND', 'NOT_RECOMMEND', 'ON_TRACK',
        'AT_RISK', 'FAILING', 'PASSED', 'FAILED', 'ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED')),
    CONSTRAINT ck_evaluation_amounts CHECK ((recommended_amount IS NULL OR recommended_amount >= 0)
        AND (audited_actual_spend IS NULL OR audited_actual_spend >= 0)
        AND (verified_expense_tax IS NULL OR verified_expense_tax >= 0)
        AND (verified_expense_stat IS NULL OR verified_expense_stat >= 0)
        AND (verified_expense_prior IS NULL OR verified_expense_prior >= 0)
        AND (verified_revenue IS NULL OR verified_revenue >= 0)
        AND (verified_patents IS NULL OR verified_patents >= 0)
        AND (verified_applications IS NULL OR verified_applications >= 0)
        AND (verified_rd_staff IS NULL OR verified_rd_staff >= 0)
        AND (verified_total_staff IS NULL OR verified_total_staff >= 0)),
    CONSTRAINT ck_evaluation_report CHECK ((report_name IS NULL AND report_size IS NULL AND report_sha256 IS NULL
            AND report_uploaded_by IS NULL AND report_uploaded_at IS NULL)
        OR (report_name IS NOT NULL AND report_size IS NOT NULL AND report_size > 0 AND report_sha256 IS NOT NULL
            AND report_uploaded_by IS NOT NULL AND report_uploaded_at IS NOT NULL)),
    -- submitted: whole (total, grade, verdict, report), who and when; a draft has neither
    CONSTRAINT ck_evaluation_submitted CHECK ((state = 'DRAFT' AND submitted_by IS NULL AND submitted_at IS NULL)
        OR (state = 'SUBMITTED' AND submitted_by IS NOT NULL AND submitted_at IS NOT NULL AND total IS NOT NULL
            AND grade IS NOT NULL AND verdict IS NOT NULL AND report_name IS NOT NULL)),
    -- the first version has no correction; a later one always says who allowed it, when and why
    CONSTRAINT ck_evaluation_correction CHECK ((version_no = 1 AND correction_reason IS NULL
            AND correction_allowed_by IS NULL AND correction_allowed_at IS NULL)
        OR (version_no > 1 AND correction_reason IS NOT NULL AND correction_allowed_by IS NOT NULL
            AND correction_allowed_at IS NOT NULL))
);

CREATE TABLE evaluation_report_content (
    evaluation_id  NUMBER(19) NOT NULL,
    content        BLOB       NOT NULL,
    CONSTRAINT pk_evaluation_report_content PRIMARY KEY (evaluation_id),
    CONSTRAINT fk_evaluation_report_content FOREIGN KEY (evaluation_id) REFERENCES evaluation (id)
);

-- 专家评分表: one expert's sheet in one version, at its position in the panel; whether the panel left it out
-- (highest or lowest of 5 or more) and whether it is flagged for dispersion (评分离散), as computed when it was saved.
CREATE TABLE evaluation_sheet (
    id               NUMBER(19)          NOT NULL,
    evaluation_id    NUMBER(19)          NOT NULL,
    position         NUMBER(2)           NOT NULL,
    expert_name      VARCHAR2(100 CHAR),
    expert_title     VARCHAR2(100 CHAR),
    expert_employer  VARCHAR2(200 CHAR),
    dropped          NUMBER(1) DEFAULT 0 NOT NULL,
    dispersed        NUMBER(1) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_evaluation_sheet PRIMARY KEY (id),
    CONSTRAINT fk_evaluation_sheet FOREIGN KEY (evaluation_id) REFERENCES evaluation (id),
    CONSTRAINT uk_evaluation_sheet_position UNIQUE (evaluation_id, position),
    CONSTRAINT ck_evaluation_sheet_position CHECK (position >= 0 AND position < 15),
    CONSTRAINT ck_evaluation_sheet_dropped CHECK (dropped IN (0, 1)),
    CONSTRAINT ck_evaluation_sheet_dispersed CHECK (dispersed IN (0, 1))
);

-- One score per indicator of the call's template (by its position); empty in a draft until given.
CREATE TABLE evaluation_score (
    sheet_id   NUMBER(19)    NOT NULL,
    indicator  NUMBER(2)     NOT NULL,
    score      NUMBER(4, 1),
    CONSTRAINT pk_evaluation_score PRIMARY KEY (sheet_id, indicator),
    CONSTRAINT fk_evaluation_score FOREIGN KEY (sheet_id) REFERENCES evaluation_sheet (id),
    CONSTRAINT ck_evaluation_score CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
    CONSTRAINT ck_evaluation_score_indicator CHECK (indicator >= 0)
);
