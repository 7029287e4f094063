-- Ranked approval and the project's birth (issue 11): the reviewer's approval lists (立项建议名单) per call, one row per
-- version (a list sent back is revised as a new version, the old one kept), their lines as read when proposed, and the
-- projects an approved list creates, with every transition of their life.

-- 立项建议名单: one version of a call's approval list. A DRAFT is the reviewer's work; SUBMITTED waits on an approver
-- (never its preparer); APPROVED is final and created the projects; RETURNED was sent back with a reason, and its
-- revision is the next version. One live list per call as a single-column unique key (as evaluation_assignment's
-- live_key): live_call_id is the call's id unless the list is RETURNED, so returned versions never collide.
CREATE TABLE approval_list (
    id              NUMBER(19)          NOT NULL,
    call_id         NUMBER(19)          NOT NULL,
    version_no      NUMBER(3)           NOT NULL,
    state           VARCHAR2(16 CHAR)   NOT NULL,
    -- the call's budget when the list was last saved (the running total is checked against it)
    budget          NUMBER(16, 2)       NOT NULL,
    prepared_by     VARCHAR2(64 CHAR)   NOT NULL,
    submitted_by    VARCHAR2(64 CHAR),
    submitted_at    TIMESTAMP(6),
    decided_by      VARCHAR2(64 CHAR),
    decided_at      TIMESTAMP(6),
    decision_reason VARCHAR2(1000 CHAR),
    -- the returned version this one revises, or NULL for a first version
    revises_id      NUMBER(19),
    live_call_id    NUMBER(19),
    created_at      TIMESTAMP(6)        NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_approval_list PRIMARY KEY (id),
    CONSTRAINT fk_approval_list_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_approval_list_revises FOREIGN KEY (revises_id) REFERENCES approval_list (id),
    -- its index serves the foreign key on call_id too
    CONSTRAINT uk_approval_list_version UNIQUE (call_id, version_no),
    CONSTRAINT uk_approval_list_live UNIQUE (live_call_id),
    CONSTRAINT ck_approval_list_version_no CHECK (version_no >= 1),
    CONSTRAINT ck_approval_list_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    CONSTRAINT ck_approval_list_budget CHECK (budget >= 0),
    CONSTRAINT ck_approval_list_live CHECK ((state = 'RETURNED' AND live_call_id IS NULL)
        OR (state <> 'RETURNED' AND live_call_id IS NOT NULL AND live_call_id = call_id)),
    -- submitted: who and when, from SUBMITTED on; decided: who, when, and for a return why
    CONSTRAINT ck_approval_list_submitted CHECK ((state = 'DRAFT' AND submitted_by IS NULL AND submitted_at IS NULL)
        OR (state <> 'DRAFT' AND submitted_by IS NOT NULL AND submitted_at IS NOT NULL)),
    CONSTRAINT ck_approval_list_decided CHECK (
        (state IN ('DRAFT', 'SUBMITTED') AND decided_by IS NULL AND decided_at IS NULL AND decision_reason IS NULL)
        OR (state = 'APPROVED' AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
        OR (state = 'RETURNED' AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND decision_reason IS NOT NULL)),
    CONSTRAINT ck_approval_list_four_eyes CHECK (decided_by IS NULL OR decided_by <> prepared_by),
    CONSTRAINT ck_approval_list_revises CHECK ((version_no = 1 AND revises_id IS NULL)
        OR (version_no > 1 AND revises_id IS NOT NULL))
);
CREATE INDEX ix_approval_list_revises ON approval_list (revises_id);
CREATE INDEX ix_approval_list_state ON approval_list (state);

-- One declaration in one version of a list, at its rank (position + 1: APPROVAL total descending, earlier submission
-- first), with the agency's APPROVAL evaluation as read (score, grade, recommendation, recommended amount, dispersion
-- flags) and the reviewer's proposal: proposed with an amount, or not proposed with a reason.
-- Everyone who drew up or revised a version: none of them may approve or return it (四眼原则), whoever saved it last.
CREATE TABLE approval_list_editor (
    list_id         NUMBER(19)          NOT NULL,
    username        VARCHAR2(64 CHAR)   NOT NULL,
    CONSTRAINT pk_approval_list_editor PRIMARY KEY (list_id, username),
    CONSTRAINT fk_approval_list_editor FOREIGN KEY (list_id) REFERENCES approval_list (id)
);

CREATE TABLE approval_list_line (
    list_id             NUMBER(19)          NOT NULL,
    position            NUMBER(5)           NOT NULL,
    declaration_id      NUMBER(19)          NOT NULL,
    enterprise_id       NUMBER(19)          NOT NULL,
    enterprise_name     VARCHAR2(200 CHAR)  NOT NULL,
    project_name        VARCHAR2(200 CHAR),
    declaration_submitted_at TIMESTAMP(6)   NOT NULL,
    requested_amount    NUMBER(16, 2)       NOT NULL,
    evaluation_id       NUMBER(19)          NOT NULL,
    score               NUMBER(5, 2)        NOT NULL,
    grade               VARCHAR2(16 CHAR)   NOT NULL,
    verdict             VARCHAR2(32 CHAR)   NOT NULL,
    recommended_amount  NUMBER(16, 2),
    dispersed_sheets    NUMBER(2) DEFAULT 0 NOT NULL,
    blacklisted         NUMBER(1) DEFAULT 0 NOT NULL,
    proposed            NUMBER(1)           NOT NULL,
    approved_amount     NUMBER(16, 2),
    reason              VARCHAR2(1000 CHAR),
    CONSTRAINT pk_approval_list_line PRIMARY KEY (list_id, position),
    CONSTRAINT fk_approval_list_line_list FOREIGN KEY (list_id) REFERENCES approval_list (id),
    CONSTRAINT fk_approval_list_line_decl FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT fk_approval_list_line_ent FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_approval_list_line_eval FOREIGN KEY (evaluation_id) REFERENCES evaluation (id),
    CONSTRAINT uk_approval_list_line_decl UNIQUE (list_id, declaration_id),
    CONSTRAINT ck_approval_list_line_position CHECK (position >= 0),
    CONSTRAINT ck_approval_list_line_grade CHECK (grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    CONSTRAINT ck_approval_list_line_verdict CHECK (verdict IN ('RECOMMEND', 'NOT_RECOMMEND')),
    CONSTRAINT ck_approval_list_line_score CHECK (score >= 0 AND score <= 100),
    CONSTRAINT ck_approval_list_line_flags CHECK (dispersed_sheets >= 0 AND blacklisted IN (0, 1)),
    CONSTRAINT ck_approval_list_line_amounts CHECK (requested_amount >= 0
        AND (recommended_amount IS NULL OR recommended_amount >= 0)),
    -- proposed: an amount above zero and no reason; not proposed: a reason and no amount
    CONSTRAINT ck_approval_list_line_proposed CHECK (
        (proposed = 1 AND approved_amount IS NOT NULL AND approved_amount > 0 AND reason IS NULL)
        OR (proposed = 0 AND approved_amount IS NULL AND reason IS NOT NULL))
);
CREATE INDEX ix_approval_list_line_decl ON approval_list_line (declaration_id);
CREATE INDEX ix_approval_list_line_ent ON approval_list_line (enterprise_id);
CREATE INDEX ix_approval_list_line_eval ON approval_list_line (evaluation_id);

-- 项目: born when an approval list is approved, one per declaration. Holds its declaration, call, enterprise and list
-- by id, and, as they were at approval, the names the public notice shows, the field, the program's subsidy kind (the
-- post-subsidy kinds stop at PUBLICIZED), the approved amount and the agency's APPROVAL grade and score.
CREATE TABLE project (
    id                NUMBER(19)          NOT NULL,
    declaration_id    NUMBER(19)          NOT NULL,
    call_id           NUMBER(19)          NOT NULL,
    enterprise_id     NUMBER(19)          NOT NULL,
    approval_list_id  NUMBER(19)          NOT NULL,
    subsidy_kind      VARCHAR2(32 CHAR)   NOT NULL,
    enterprise_name   VARCHAR2(200 CHAR)  NOT NULL,
    project_name      VARCHAR2(200 CHAR),
    field             VARCHAR2(32 CHAR),
    approved_amount   NUMBER(16, 2)       NOT NULL,
    agency_grade      VARCHAR2(16 CHAR)   NOT NULL,
    agency_score      NUMBER(5, 2)        NOT NULL,
    state             VARCHAR2(32 CHAR)   NOT NULL,
    created_at        TIMESTAMP(6)        NOT NULL,
    version           NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_project PRIMARY KEY (id),
    CONSTRAINT fk_project_declaration FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT fk_project_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_project_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_project_list FOREIGN KEY (approval_list_id) REFERENCES approval_list (id),
    -- its index serves the foreign key on declaration_id too
    CONSTRAINT uk_project_declaration UNIQUE (declaration_id),
    CONSTRAINT ck_project_kind CHECK (subsidy_kind IN ('PRE_APPROVED', 'RD_INVESTMENT', 'REWARD', 'SHARED_SERVICE')),
    CONSTRAINT ck_project_field CHECK (field IS NULL OR field IN ('SMART_APPLIANCES', 'AUTOMOTIVE', 'LIFE_HEALTH',
        'HIGH_END_EQUIPMENT', 'NEW_MATERIALS', 'DIGITAL_ECONOMY', 'KEY_COMPONENTS', 'OTHER')),
    CONSTRAINT ck_project_amount CHECK (approved_amount > 0),
    CONSTRAINT ck_project_grade CHECK (agency_grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    CONSTRAINT ck_project_score CHECK (agency_score >= 0 AND agency_score <= 100),
    CONSTRAINT ck_project_state CHECK (state IN ('APPROVED', 'PUBLICIZED', 'CONTRACTED', 'IN_PROGRESS', 'MIDTERM_DONE',
        'ACCEPTED_DONE', 'FAILED', 'WITHDRAWN')),
    -- the post-subsidy kinds have no project phase: their projects stop at PUBLICIZED
    CONSTRAINT ck_project_phase CHECK (subsidy_kind = 'PRE_APPROVED' OR state IN ('APPROVED', 'PUBLICIZED', 'WITHDRAWN'))
);
CREATE INDEX ix_project_call ON project (call_id, state);
CREATE INDEX ix_project_enterprise ON project (enterprise_id);
CREATE INDEX ix_project_list ON project (approval_list_id);
CREATE INDEX ix_project_state ON project (state);

-- Every transition of a project: who, when, from, to, why.
CREATE TABLE project_transition (
    id           NUMBER(19)          NOT NULL,
    project_id   NUMBER(19)          NOT NULL,
    from_state   VARCHAR2(32 CHAR),
    to_state     VARCHAR2(32 CHAR)   NOT NULL,
    actor        VARCHAR2(64 CHAR)   NOT NULL,
    occurred_at  TIMESTAMP(6)        NOT NULL,
    reason       VARCHAR2(1000 CHAR),
    CONSTRAINT pk_project_transition PRIMARY KEY (id),
    CONSTRAINT fk_project_transition FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_project_transition_from CHECK (from_state IS NULL OR from_state IN ('APPROVED', 'PUBLICIZED',
        'CONTRACTED', 'IN_PROGRESS', 'MIDTERM_DONE', 'ACCEPTED_DONE', 'FAILED', 'WITHDRAWN')),
    CONSTRAINT ck_project_transition_to CHECK (to_state IN ('APPROVED', 'PUBLICIZED', 'CONTRACTED', 'IN_PROGRESS',
        'MIDTERM_DONE', 'ACCEPTED_DONE', 'FAILED', 'WITHDRAWN'))
);
CREATE INDEX ix_project_transition ON project_transition (project_id, occurred_at);
