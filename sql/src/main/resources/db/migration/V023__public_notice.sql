-- 立项公示 (issue 11): the public notice of an approved list and the objections to its projects. What a notice publishes
-- is its list's projects (project, V022) as approved, less the withdrawn ones.

-- A call's publicity period is one of its rule parameters (publicityDays, default 7 calendar days); calls made before
-- it existed get the default, so that a draft call can still change it like its other parameters.
UPDATE funding_call
   SET rule_parameters = 'publicityDays=7' || CHR(10) || rule_parameters
 WHERE rule_parameters IS NOT NULL
   AND rule_parameters NOT LIKE '%publicityDays=%';

-- One notice per approved list. ends_at is 24:00 Beijing time of the period's last day (PublicityPeriod). state moves
-- IN_PERIOD -> ENDED once, by one guarded UPDATE whose row count says which run of the period's end check acts.
CREATE TABLE public_notice (
    id                NUMBER(19)          NOT NULL,
    approval_list_id  NUMBER(19)          NOT NULL,
    call_id           NUMBER(19)          NOT NULL,
    call_title        VARCHAR2(200 CHAR)  NOT NULL,
    period_days       NUMBER(2)           NOT NULL,
    ends_at           TIMESTAMP(6)        NOT NULL,
    state             VARCHAR2(16 CHAR)   NOT NULL,
    ended_at          TIMESTAMP(6),
    created_at        TIMESTAMP(6)        NOT NULL,
    version           NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_public_notice PRIMARY KEY (id),
    CONSTRAINT uk_public_notice_list UNIQUE (approval_list_id),
    CONSTRAINT fk_public_notice_list FOREIGN KEY (approval_list_id) REFERENCES approval_list (id),
    CONSTRAINT fk_public_notice_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_public_notice_state CHECK (state IN ('IN_PERIOD', 'ENDED')),
    CONSTRAINT ck_public_notice_ended CHECK ((state = 'IN_PERIOD' AND ended_at IS NULL)
        OR (state = 'ENDED' AND ended_at IS NOT NULL)),
    CONSTRAINT ck_public_notice_days CHECK (period_days BETWEEN 1 AND 30),
    CONSTRAINT ck_public_notice_period CHECK (ends_at > created_at)
);
CREATE INDEX ix_public_notice_call ON public_notice (call_id);
CREATE INDEX ix_public_notice_due ON public_notice (state, ends_at);

-- 异议: filed by anyone during the period; the objector's name, contact and address are for the reviewer only.
-- client_address is what the per-address rate limit counts. An answer (DISMISSED / UPHELD) has its reason, who, when.
CREATE TABLE objection (
    id              NUMBER(19)           NOT NULL,
    notice_id       NUMBER(19)           NOT NULL,
    project_id      NUMBER(19)           NOT NULL,
    objector_name   VARCHAR2(100 CHAR)   NOT NULL,
    contact         VARCHAR2(100 CHAR)   NOT NULL,
    objection_text  VARCHAR2(1000 CHAR)  NOT NULL,
    client_address  VARCHAR2(64 CHAR),
    state           VARCHAR2(16 CHAR)    NOT NULL,
    answer          VARCHAR2(1000 CHAR),
    answered_by     VARCHAR2(64 CHAR),
    answered_at     TIMESTAMP(6),
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_objection PRIMARY KEY (id),
    CONSTRAINT fk_objection_notice FOREIGN KEY (notice_id) REFERENCES public_notice (id),
    CONSTRAINT fk_objection_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_objection_state CHECK (state IN ('OPEN', 'DISMISSED', 'UPHELD')),
    CONSTRAINT ck_objection_answer CHECK ((state = 'OPEN' AND answer IS NULL AND answered_by IS NULL AND answered_at IS NULL)
        OR (state <> 'OPEN' AND answer IS NOT NULL AND answered_by IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX ix_objection_notice ON objection (notice_id, state);
CREATE INDEX ix_objection_project ON objection (project_id);
CREATE INDEX ix_objection_address ON objection (client_address, created_at);
