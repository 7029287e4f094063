-- Third-party evaluation (issue 10): the agencies' profiles, the ties that bar them, the assignments and their history.
-- The evaluation context holds declarations and organisations by id; the foreign keys keep the ids honest.

-- An evaluation agency as the evaluation context knows it, keyed by its organisation (kind AGENCY): 资质, the fields
-- it covers, and whether it is suspended from new assignments (with the reason, and only then).
CREATE TABLE evaluation_agency (
    organisation_id    NUMBER(19)          NOT NULL,
    qualification      VARCHAR2(2000 CHAR),
    suspended          NUMBER(1) DEFAULT 0 NOT NULL,
    suspension_reason  VARCHAR2(1000 CHAR),
    created_at         TIMESTAMP(6)        NOT NULL,
    version            NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_evaluation_agency PRIMARY KEY (organisation_id),
    CONSTRAINT fk_evaluation_agency_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_evaluation_agency_suspended CHECK (suspended IN (0, 1)),
    CONSTRAINT ck_evaluation_agency_reason CHECK ((suspended = 0 AND suspension_reason IS NULL)
        OR (suspended = 1 AND suspension_reason IS NOT NULL))
);

-- The fields an agency covers (declaration's ProjectField names).
CREATE TABLE evaluation_agency_field (
    organisation_id  NUMBER(19)         NOT NULL,
    field            VARCHAR2(32 CHAR)  NOT NULL,
    CONSTRAINT pk_evaluation_agency_field PRIMARY KEY (organisation_id, field),
    CONSTRAINT fk_evaluation_agency_field FOREIGN KEY (organisation_id) REFERENCES evaluation_agency (organisation_id),
    CONSTRAINT ck_evaluation_agency_field CHECK (field IN ('SMART_APPLIANCES', 'AUTOMOTIVE', 'LIFE_HEALTH',
        'HIGH_END_EQUIPMENT', 'NEW_MATERIALS', 'DIGITAL_ECONOMY', 'KEY_COMPONENTS', 'OTHER'))
);

-- 关联关系: a tie the reviewer recorded between an agency and an enterprise, with its source and the date it holds from.
CREATE TABLE agency_relationship (
    id             NUMBER(19)          NOT NULL,
    agency_id      NUMBER(19)          NOT NULL,
    enterprise_id  NUMBER(19)          NOT NULL,
    kind           VARCHAR2(32 CHAR)   NOT NULL,
    source         VARCHAR2(500 CHAR)  NOT NULL,
    since          DATE                NOT NULL,
    recorded_by    VARCHAR2(64 CHAR)   NOT NULL,
    created_at     TIMESTAMP(6)        NOT NULL,
    version        NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_agency_relationship PRIMARY KEY (id),
    CONSTRAINT fk_agency_relationship_agency FOREIGN KEY (agency_id) REFERENCES organisation (id),
    CONSTRAINT fk_agency_relationship_ent FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT ck_agency_relationship_kind CHECK (kind IN ('SHAREHOLDING', 'SAME_CONTROLLER', 'CONSULTING_CONTRACT'))
);
CREATE INDEX ix_agency_relationship_pair ON agency_relationship (agency_id, enterprise_id);
CREATE INDEX ix_agency_relationship_ent ON agency_relationship (enterprise_id);

-- 评估任务: one declaration at one stage given to one agency.
-- One open assignment per declaration and stage, as a UNIQUE constraint that holds on Oracle and on H2 alike:
-- live_key is '<declaration id>:<stage>' while the assignment is not REASSIGNED, and NULL once it is. A single-column
-- unique key ignores NULLs on both (a two-column key (declaration_id, stage) with a state-dependent NULL would not:
-- Oracle counts two rows whose non-null parts are equal as duplicates), so closed assignments never collide, and two
-- reviewers assigning the same declaration at once cannot both commit. The CHECK keeps the key and the state in step.
CREATE TABLE evaluation_assignment (
    id                    NUMBER(19)          NOT NULL,
    declaration_id        NUMBER(19)          NOT NULL,
    enterprise_id         NUMBER(19)          NOT NULL,
    agency_id             NUMBER(19)          NOT NULL,
    -- what the agency sees before its conflict declaration, as the declaration stood when accepted
    enterprise_name       VARCHAR2(200 CHAR)  NOT NULL,
    project_name          VARCHAR2(200 CHAR),
    stage                 VARCHAR2(16 CHAR)   NOT NULL,
    state                 VARCHAR2(32 CHAR)   NOT NULL,
    due_on                DATE                NOT NULL,
    assigned_by           VARCHAR2(64 CHAR)   NOT NULL,
    -- 回避声明: who, when, and either no conflict (the statement text confirmed) or a conflict (its reason)
    conflict              NUMBER(1),
    conflict_statement    VARCHAR2(1000 CHAR),
    conflict_reason       VARCHAR2(1000 CHAR),
    conflict_declared_by  VARCHAR2(64 CHAR),
    conflict_declared_at  TIMESTAMP(6),
    -- the assignment this one replaced (改派), so the history reads as a chain
    replaces_id           NUMBER(19),
    live_key              VARCHAR2(40 CHAR),
    created_at            TIMESTAMP(6)        NOT NULL,
    version               NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_evaluation_assignment PRIMARY KEY (id),
    CONSTRAINT fk_evaluation_assignment_decl FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT fk_evaluation_assignment_ent FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_evaluation_assignment_agency FOREIGN KEY (agency_id) REFERENCES organisation (id),
    CONSTRAINT fk_evaluation_assignment_repl FOREIGN KEY (replaces_id) REFERENCES evaluation_assignment (id),
    CONSTRAINT uk_evaluation_assignment_live UNIQUE (live_key),
    CONSTRAINT ck_evaluation_assignment_stage CHECK (stage IN ('APPROVAL', 'MIDTERM', 'ACCEPTANCE', 'PERFORMANCE')),
    CONSTRAINT ck_evaluation_assignment_state CHECK (state IN ('OFFERED', 'IN_EVALUATION', 'SUBMITTED',
        'IN_CORRECTION', 'CONFLICT_DECLARED', 'REASSIGNED')),
    CONSTRAINT ck_evaluation_assignment_live CHECK ((state = 'REASSIGNED' AND live_key IS NULL)
        OR (state <> 'REASSIGNED' AND live_key IS NOT NULL AND live_key = declaration_id || ':' || stage)),
    CONSTRAINT ck_evaluation_assignment_cfl CHECK (
        (conflict IS NULL AND conflict_declared_by IS NULL AND conflict_declared_at IS NULL
            AND conflict_statement IS NULL AND conflict_reason IS NULL)
        OR (conflict = 0 AND conflict_declared_by IS NOT NULL AND conflict_declared_at IS NOT NULL
            AND conflict_statement IS NOT NULL AND conflict_reason IS NULL)
        OR (conflict = 1 AND conflict_declared_by IS NOT NULL AND conflict_declared_at IS NOT NULL
            AND conflict_statement IS NULL AND conflict_reason IS NOT NULL))
);
CREATE INDEX ix_evaluation_assignment_decl ON evaluation_assignment (declaration_id, stage);
CREATE INDEX ix_evaluation_assignment_ent ON evaluation_assignment (enterprise_id);
CREATE INDEX ix_evaluation_assignment_agency ON evaluation_assignment (agency_id, state);
CREATE INDEX ix_evaluation_assignment_repl ON evaluation_assignment (replaces_id);
CREATE INDEX ix_evaluation_assignment_due ON evaluation_assignment (due_on, state);

-- Every transition of an assignment: who, when, from, to, why.
CREATE TABLE assignment_transition (
    id             NUMBER(19)          NOT NULL,
    assignment_id  NUMBER(19)          NOT NULL,
    from_state     VARCHAR2(32 CHAR),
    to_state       VARCHAR2(32 CHAR)   NOT NULL,
    actor          VARCHAR2(64 CHAR)   NOT NULL,
    occurred_at    TIMESTAMP(6)        NOT NULL,
    reason         VARCHAR2(1000 CHAR),
    CONSTRAINT pk_assignment_transition PRIMARY KEY (id),
    CONSTRAINT fk_assignment_transition FOREIGN KEY (assignment_id) REFERENCES evaluation_assignment (id),
    CONSTRAINT ck_assignment_transition_from CHECK (from_state IS NULL OR from_state IN ('OFFERED', 'IN_EVALUATION',
        'SUBMITTED', 'IN_CORRECTION', 'CONFLICT_DECLARED', 'REASSIGNED')),
    CONSTRAINT ck_assignment_transition_to CHECK (to_state IN ('OFFERED', 'IN_EVALUATION', 'SUBMITTED',
        'IN_CORRECTION', 'CONFLICT_DECLARED', 'REASSIGNED'))
);
CREATE INDEX ix_assignment_transition ON assignment_transition (assignment_id);
