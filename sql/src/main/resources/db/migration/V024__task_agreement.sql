-- Task agreement (任务书) and follow-up (issue 11): the agreement with its history and signed versions, progress reports
-- against its milestones, change requests (项目变更). The project context holds projects and enterprises by id.

-- 任务书: one per project; its text (goals, targets, budget, period, milestones) as JSON, read and shown whole.
CREATE TABLE task_agreement (
    id               NUMBER(19)          NOT NULL,
    project_id       NUMBER(19)          NOT NULL,
    enterprise_id    NUMBER(19)          NOT NULL,
    approved_amount  NUMBER(16,2)        NOT NULL,
    state            VARCHAR2(32 CHAR)   NOT NULL,
    content          CLOB                NOT NULL,
    -- the newest signed version's number, 0 until signed
    version_no       NUMBER(6) DEFAULT 0 NOT NULL,
    last_reason      VARCHAR2(1000 CHAR),
    created_at       TIMESTAMP(6)        NOT NULL,
    version          NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_task_agreement PRIMARY KEY (id),
    -- its index serves the foreign key on project_id too
    CONSTRAINT uk_task_agreement_project UNIQUE (project_id),
    CONSTRAINT fk_task_agreement_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_task_agreement_ent FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT ck_task_agreement_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'CONFIRMED_BY_REVIEWER',
        'SIGNED')),
    CONSTRAINT ck_task_agreement_signed CHECK ((state = 'SIGNED' AND version_no >= 1)
        OR (state <> 'SIGNED' AND version_no = 0)),
    CONSTRAINT ck_task_agreement_amount CHECK (approved_amount >= 0)
);
CREATE INDEX ix_task_agreement_ent ON task_agreement (enterprise_id);

-- Every transition of an agreement: who, when, from, to, why.
CREATE TABLE task_agreement_transition (
    id            NUMBER(19)          NOT NULL,
    agreement_id  NUMBER(19)          NOT NULL,
    from_state    VARCHAR2(32 CHAR),
    to_state      VARCHAR2(32 CHAR)   NOT NULL,
    actor         VARCHAR2(64 CHAR)   NOT NULL,
    occurred_at   TIMESTAMP(6)        NOT NULL,
    reason        VARCHAR2(1000 CHAR),
    CONSTRAINT pk_task_agreement_transition PRIMARY KEY (id),
    CONSTRAINT fk_task_agreement_transition FOREIGN KEY (agreement_id) REFERENCES task_agreement (id),
    CONSTRAINT ck_task_agreement_trans_from CHECK (from_state IS NULL OR from_state IN ('DRAFT', 'SUBMITTED',
        'RETURNED', 'CONFIRMED_BY_REVIEWER', 'SIGNED')),
    CONSTRAINT ck_task_agreement_trans_to CHECK (to_state IN ('DRAFT', 'SUBMITTED', 'RETURNED',
        'CONFIRMED_BY_REVIEWER', 'SIGNED'))
);
CREATE INDEX ix_task_agreement_transition ON task_agreement_transition (agreement_id);

-- 项目变更申请: one open per agreement (open_key is the agreement's id while REQUESTED, NULL once decided: a unique key
-- ignores NULLs on Oracle and H2 alike). The proposal is a whole agreement text, as a version is.
CREATE TABLE project_change_request (
    id               NUMBER(19)          NOT NULL,
    agreement_id     NUMBER(19)          NOT NULL,
    project_id       NUMBER(19)          NOT NULL,
    kind             VARCHAR2(32 CHAR)   NOT NULL,
    reason           VARCHAR2(1000 CHAR) NOT NULL,
    proposed         CLOB                NOT NULL,
    base_version_no  NUMBER(6)           NOT NULL,
    state            VARCHAR2(16 CHAR)   NOT NULL,
    open_key         NUMBER(19),
    requested_by     VARCHAR2(64 CHAR)   NOT NULL,
    decided_by       VARCHAR2(64 CHAR),
    decided_at       TIMESTAMP(6),
    decision_reason  VARCHAR2(1000 CHAR),
    created_at       TIMESTAMP(6)        NOT NULL,
    version          NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_project_change_request PRIMARY KEY (id),
    CONSTRAINT fk_project_change_request_agr FOREIGN KEY (agreement_id) REFERENCES task_agreement (id),
    CONSTRAINT fk_project_change_request_prj FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT uk_project_change_request_open UNIQUE (open_key),
    CONSTRAINT ck_project_change_request_kind CHECK (kind IN ('PERIOD_EXTENDED', 'BUDGET_MOVED', 'TARGET_CHANGED')),
    CONSTRAINT ck_project_change_request_state CHECK (state IN ('REQUESTED', 'APPROVED', 'REJECTED')),
    CONSTRAINT ck_project_change_request_open CHECK ((state = 'REQUESTED' AND open_key IS NOT NULL AND open_key = agreement_id
            AND decided_by IS NULL AND decided_at IS NULL)
        OR (state = 'APPROVED' AND open_key IS NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
        OR (state = 'REJECTED' AND open_key IS NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND decision_reason IS NOT NULL))
);
CREATE INDEX ix_project_change_request_agr ON project_change_request (agreement_id);
CREATE INDEX ix_project_change_request_prj ON project_change_request (project_id);

-- 任务书版本: the signed text (1) and each approved change (2, 3, ...), never changed.
CREATE TABLE task_agreement_version (
    id                 NUMBER(19)         NOT NULL,
    agreement_id       NUMBER(19)         NOT NULL,
    version_no         NUMBER(6)          NOT NULL,
    content            CLOB               NOT NULL,
    change_request_id  NUMBER(19),
    created_by         VARCHAR2(64 CHAR)  NOT NULL,
    created_at         TIMESTAMP(6)       NOT NULL,
    CONSTRAINT pk_task_agreement_version PRIMARY KEY (id),
    CONSTRAINT fk_task_agreement_version FOREIGN KEY (agreement_id) REFERENCES task_agreement (id),
    CONSTRAINT fk_task_agreement_version_chg FOREIGN KEY (change_request_id) REFERENCES project_change_request (id),
    CONSTRAINT uk_task_agreement_version UNIQUE (agreement_id, version_no),
    CONSTRAINT ck_task_agreement_version_no CHECK (version_no >= 1)
);
CREATE INDEX ix_task_agreement_version_chg ON task_agreement_version (change_request_id);

-- 进度报告: one per milestone of an agreement (the milestone's number in the signed text, and its title then).
CREATE TABLE progress_report (
    id               NUMBER(19)          NOT NULL,
    agreement_id     NUMBER(19)          NOT NULL,
    project_id       NUMBER(19)          NOT NULL,
    milestone_no     NUMBER(3)           NOT NULL,
    milestone_title  VARCHAR2(200 CHAR)  NOT NULL,
    text             CLOB                NOT NULL,
    figures          CLOB,
    submitted_by     VARCHAR2(64 CHAR)   NOT NULL,
    created_at       TIMESTAMP(6)        NOT NULL,
    version          NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_progress_report PRIMARY KEY (id),
    CONSTRAINT fk_progress_report_agr FOREIGN KEY (agreement_id) REFERENCES task_agreement (id),
    CONSTRAINT fk_progress_report_prj FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT uk_progress_report_milestone UNIQUE (agreement_id, milestone_no),
    CONSTRAINT ck_progress_report_milestone CHECK (milestone_no >= 1)
);
CREATE INDEX ix_progress_report_prj ON progress_report (project_id);

-- 验收结果 kept on the project: the ACCEPTANCE evaluation's grade and the audited spend (审计确认的实际投入), which the
-- subsidy computation reads; both set together, and only on a project that reached its acceptance.
ALTER TABLE project ADD (
    acceptance_grade  VARCHAR2(16 CHAR),
    audited_spend     NUMBER(16, 2)
);
ALTER TABLE project ADD CONSTRAINT ck_project_acceptance CHECK ((acceptance_grade IS NULL AND audited_spend IS NULL)
    OR (acceptance_grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL') AND audited_spend IS NOT NULL AND audited_spend >= 0
        AND state IN ('ACCEPTED_DONE', 'FAILED')));
