-- Science and technology programs (科技计划/专项) and their yearly calls (申报通知).

CREATE TABLE program (
    id            NUMBER(19) PRIMARY KEY,
    name          VARCHAR2(200 CHAR) NOT NULL,
    subsidy_kind  VARCHAR2(32 CHAR)  NOT NULL,
    department    VARCHAR2(100 CHAR) NOT NULL,
    created_at    TIMESTAMP(6)       NOT NULL,
    version       NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT ck_program_kind CHECK (subsidy_kind IN ('PRE_APPROVED', 'RD_INVESTMENT', 'REWARD', 'SHARED_SERVICE'))
);

CREATE TABLE funding_call (
    id           NUMBER(19) PRIMARY KEY,
    program_id   NUMBER(19)         NOT NULL,
    title        VARCHAR2(200 CHAR) NOT NULL,
    call_year    NUMBER(4)          NOT NULL,
    opens_at     TIMESTAMP(6)       NOT NULL,
    closes_at    TIMESTAMP(6)       NOT NULL,
    budget       NUMBER(16, 2)      NOT NULL,
    guide        CLOB,
    status       VARCHAR2(16 CHAR)  NOT NULL,
    created_at   TIMESTAMP(6)       NOT NULL,
    version      NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT fk_funding_call_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT ck_funding_call_status CHECK (status IN ('DRAFT', 'PUBLISHED')),
    CONSTRAINT ck_funding_call_budget CHECK (budget >= 0),
    CONSTRAINT ck_funding_call_period CHECK (closes_at > opens_at)
);
CREATE INDEX ix_funding_call_program ON funding_call (program_id);
