-- What a call asks for and how it is judged: the limit of the subsidy an enterprise may request, the rule
-- parameters of its year (frozen once published), the attachments it requires and the scoring template of its
-- evaluations; who prepared it and who published it.

ALTER TABLE funding_call ADD (
    max_request      NUMBER(16, 2),
    rule_parameters  CLOB,
    created_by       VARCHAR2(64 CHAR),
    published_by     VARCHAR2(64 CHAR),
    published_at     TIMESTAMP(6)
);
ALTER TABLE funding_call ADD CONSTRAINT ck_funding_call_max_request CHECK (max_request IS NULL OR max_request >= 0);

CREATE TABLE call_attachment_requirement (
    call_id        NUMBER(19)         NOT NULL,
    position       NUMBER(3)          NOT NULL,
    name           VARCHAR2(100 CHAR) NOT NULL,
    required       NUMBER(1)          NOT NULL,
    allowed_types  VARCHAR2(64 CHAR)  NOT NULL,
    CONSTRAINT pk_call_attachment_requirement PRIMARY KEY (call_id, position),
    CONSTRAINT fk_call_attachment_requirement FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_call_attachment_required CHECK (required IN (0, 1))
);

CREATE TABLE call_scoring_indicator (
    call_id   NUMBER(19)         NOT NULL,
    position  NUMBER(3)          NOT NULL,
    name      VARCHAR2(100 CHAR) NOT NULL,
    weight    NUMBER(3)          NOT NULL,
    CONSTRAINT pk_call_scoring_indicator PRIMARY KEY (call_id, position),
    CONSTRAINT fk_call_scoring_indicator FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_call_scoring_weight CHECK (weight BETWEEN 1 AND 100)
);
