-- 服务机构库 (issue 12, SHARED_SERVICE): the providers whose services an innovation voucher refunds. A provider is
-- registered by a reviewer on registered_on (the bureau's date) and listed from listed_on, after a 7-day publicity;
-- a service counts only if its provider was listed and not suspended on the invoice date.
CREATE TABLE service_provider (
    id              NUMBER(19)           NOT NULL,
    uscc            VARCHAR2(18 CHAR)    NOT NULL,
    name            VARCHAR2(200 CHAR)   NOT NULL,
    local_provider  NUMBER(1)            NOT NULL,
    controller      VARCHAR2(200 CHAR)   NOT NULL,
    registered_on   DATE                 NOT NULL,
    listed_on       DATE                 NOT NULL,
    registered_by   VARCHAR2(64 CHAR)    NOT NULL,
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_service_provider PRIMARY KEY (id),
    CONSTRAINT uk_service_provider_uscc UNIQUE (uscc),
    CONSTRAINT ck_service_provider_local CHECK (local_provider IN (0, 1)),
    CONSTRAINT ck_service_provider_listed CHECK (listed_on > registered_on)
);

-- 暂停: a provider's suspensions over time, each from one date to another (both included) with its reason.
CREATE TABLE provider_suspension (
    provider_id     NUMBER(19)           NOT NULL,
    position        NUMBER(10)           NOT NULL,
    suspended_from  DATE                 NOT NULL,
    suspended_until DATE                 NOT NULL,
    reason          VARCHAR2(1000 CHAR)  NOT NULL,
    suspended_by    VARCHAR2(64 CHAR)    NOT NULL,
    suspended_at    TIMESTAMP(6)         NOT NULL,
    CONSTRAINT pk_provider_suspension PRIMARY KEY (provider_id, position),
    CONSTRAINT fk_provider_suspension FOREIGN KEY (provider_id) REFERENCES service_provider (id),
    CONSTRAINT ck_provider_suspension_period CHECK (suspended_until >= suspended_from)
);

-- 实际控制人 of an enterprise by its USCC (registered or not yet), recorded by a reviewer: the controller cap and the
-- related-party check of SHARED_SERVICE read it.
CREATE TABLE enterprise_controller (
    id              NUMBER(19)           NOT NULL,
    uscc            VARCHAR2(18 CHAR)    NOT NULL,
    controller      VARCHAR2(200 CHAR)   NOT NULL,
    recorded_by     VARCHAR2(64 CHAR)    NOT NULL,
    recorded_at     TIMESTAMP(6)         NOT NULL,
    created_at      TIMESTAMP(6)         NOT NULL,
    version         NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_enterprise_controller PRIMARY KEY (id),
    CONSTRAINT uk_enterprise_controller_uscc UNIQUE (uscc)
);
