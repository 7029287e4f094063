-- Project declarations (项目申报书), their life-cycle history, the content of every submitted revision,
-- and their attachments. Attachment content lives in its own table, streamed in and out by JDBC.

CREATE TABLE declaration (
    id                NUMBER(19)          PRIMARY KEY,
    call_id           NUMBER(19)          NOT NULL,
    enterprise_id     NUMBER(19)          NOT NULL,
    state             VARCHAR2(32 CHAR)   NOT NULL,
    project_name      VARCHAR2(200 CHAR),
    field             VARCHAR2(32 CHAR),
    period_start      DATE,
    period_end        DATE,
    summary           CLOB,
    key_indicators    CLOB,
    total_budget      NUMBER(16, 2),
    -- RD_INVESTMENT figures
    rd_expense_tax    NUMBER(16, 2),
    rd_expense_stat   NUMBER(16, 2),
    rd_expense_prior  NUMBER(16, 2),
    revenue           NUMBER(16, 2),
    valid_invention_patents    NUMBER(6),
    invention_applications     NUMBER(6),
    rd_staff          NUMBER(7),
    total_staff       NUMBER(7),
    revision          NUMBER(5) DEFAULT 0 NOT NULL,
    submitted_at      TIMESTAMP(6),
    last_reason       VARCHAR2(1000 CHAR),
    created_by        VARCHAR2(64 CHAR)   NOT NULL,
    created_at        TIMESTAMP(6)        NOT NULL,
    version           NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT fk_declaration_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_declaration_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT ck_declaration_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'REJECTED'))
);
CREATE INDEX ix_declaration_call_state ON declaration (call_id, state);
CREATE INDEX ix_declaration_enterprise ON declaration (enterprise_id);

CREATE TABLE declaration_budget_line (
    declaration_id  NUMBER(19)        NOT NULL,
    position        NUMBER(3)         NOT NULL,
    category        VARCHAR2(32 CHAR) NOT NULL,
    source          VARCHAR2(16 CHAR) NOT NULL,
    amount          NUMBER(16, 2)     NOT NULL,
    CONSTRAINT pk_declaration_budget_line PRIMARY KEY (declaration_id, position),
    CONSTRAINT fk_declaration_budget_line FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT ck_budget_line_source CHECK (source IN ('SUBSIDY', 'SELF_FUNDED')),
    CONSTRAINT ck_budget_line_amount CHECK (amount >= 0)
);

CREATE TABLE declaration_achievement (
    declaration_id  NUMBER(19)        NOT NULL,
    position        NUMBER(3)         NOT NULL,
    achievement     VARCHAR2(32 CHAR) NOT NULL,
    certificate_no  VARCHAR2(64 CHAR) NOT NULL,
    recognised_on   DATE              NOT NULL,
    CONSTRAINT pk_declaration_achievement PRIMARY KEY (declaration_id, position),
    CONSTRAINT fk_declaration_achievement FOREIGN KEY (declaration_id) REFERENCES declaration (id)
);

CREATE TABLE declaration_service_record (
    declaration_id  NUMBER(19)         NOT NULL,
    position        NUMBER(3)          NOT NULL,
    provider_name   VARCHAR2(200 CHAR) NOT NULL,
    provider_uscc   VARCHAR2(18 CHAR)  NOT NULL,
    invoice_no      VARCHAR2(64 CHAR)  NOT NULL,
    invoice_date    DATE               NOT NULL,
    amount          NUMBER(16, 2)      NOT NULL,
    CONSTRAINT pk_declaration_service_record PRIMARY KEY (declaration_id, position),
    CONSTRAINT fk_declaration_service_record FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT ck_service_record_amount CHECK (amount >= 0)
);

-- Every transition: who, when, from, to, why.
CREATE TABLE declaration_transition (
    id              NUMBER(19)         PRIMARY KEY,
    declaration_id  NUMBER(19)         NOT NULL,
    from_state      VARCHAR2(32 CHAR),
    to_state        VARCHAR2(32 CHAR)  NOT NULL,
    actor           VARCHAR2(64 CHAR)  NOT NULL,
    occurred_at     TIMESTAMP(6)       NOT NULL,
    reason          VARCHAR2(1000 CHAR),
    CONSTRAINT fk_declaration_transition FOREIGN KEY (declaration_id) REFERENCES declaration (id)
);
CREATE INDEX ix_declaration_transition ON declaration_transition (declaration_id);

-- The content as submitted, one row per revision: a return and a resubmission keep both versions.
CREATE TABLE declaration_revision (
    declaration_id  NUMBER(19)    NOT NULL,
    revision        NUMBER(5)     NOT NULL,
    submitted_at    TIMESTAMP(6)  NOT NULL,
    content         CLOB          NOT NULL,
    CONSTRAINT pk_declaration_revision PRIMARY KEY (declaration_id, revision),
    CONSTRAINT fk_declaration_revision FOREIGN KEY (declaration_id) REFERENCES declaration (id)
);

CREATE TABLE attachment (
    id                 NUMBER(19)         PRIMARY KEY,
    declaration_id     NUMBER(19)         NOT NULL,
    requirement        VARCHAR2(100 CHAR) NOT NULL,
    original_name      VARCHAR2(255 CHAR) NOT NULL,
    stored_name        VARCHAR2(64 CHAR)  NOT NULL,
    content_type       VARCHAR2(100 CHAR) NOT NULL,
    size_bytes         NUMBER(12)         NOT NULL,
    sha256             VARCHAR2(64 CHAR)  NOT NULL,
    uploaded_by        VARCHAR2(64 CHAR)  NOT NULL,
    uploaded_at        TIMESTAMP(6)       NOT NULL,
    -- An attachment replaced or removed after a submission is kept: a decision may rest on it.
    withdrawn          NUMBER(1) DEFAULT 0 NOT NULL,
    CONSTRAINT fk_attachment_declaration FOREIGN KEY (declaration_id) REFERENCES declaration (id),
    CONSTRAINT uk_attachment_stored_name UNIQUE (stored_name),
    CONSTRAINT ck_attachment_withdrawn CHECK (withdrawn IN (0, 1))
);
CREATE INDEX ix_attachment_declaration ON attachment (declaration_id);

CREATE TABLE attachment_content (
    attachment_id  NUMBER(19) PRIMARY KEY,
    content        BLOB       NOT NULL,
    CONSTRAINT fk_attachment_content FOREIGN KEY (attachment_id) REFERENCES attachment (id)
);
