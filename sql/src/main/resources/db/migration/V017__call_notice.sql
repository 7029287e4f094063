-- 正式通知: the official notice of a call (《关于组织申报…的通知》) as the file the bureau issued, one per call, downloadable
-- from the public call page. Its preparer uploads it while the call is a draft; once published it is never replaced
-- (the service refuses): enterprises declared on what it said. The content lives in its own table, streamed in and
-- out by JDBC as attachment content is, in the database so that every server of a cluster serves it.

CREATE TABLE call_notice (
    call_id        NUMBER(19)         NOT NULL,
    original_name  VARCHAR2(255 CHAR) NOT NULL,
    content_type   VARCHAR2(100 CHAR) NOT NULL,
    size_bytes     NUMBER(12)         NOT NULL,
    sha256         VARCHAR2(64 CHAR)  NOT NULL,
    uploaded_by    VARCHAR2(64 CHAR)  NOT NULL,
    uploaded_at    TIMESTAMP(6)       NOT NULL,
    -- the primary key is the foreign key: one notice per call, and the key's index serves the join
    CONSTRAINT pk_call_notice PRIMARY KEY (call_id),
    CONSTRAINT fk_call_notice_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_call_notice_type CHECK (content_type IN ('PDF')),
    CONSTRAINT ck_call_notice_size CHECK (size_bytes > 0)
);

CREATE TABLE call_notice_content (
    call_id  NUMBER(19) NOT NULL,
    content  BLOB       NOT NULL,
    CONSTRAINT pk_call_notice_content PRIMARY KEY (call_id),
    CONSTRAINT fk_call_notice_content FOREIGN KEY (call_id) REFERENCES call_notice (call_id)
);
