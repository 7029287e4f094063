-- Progress report attachments (issue 11 follow-up): the PDFs an enterprise reports progress with, 0 to 5 per report,
-- each described here (name, size, SHA-256, who, when) and its content in the database as evaluation reports are.

-- 进度报告附件: file_no 1..5 in the order uploaded; project_id repeated for the timeline's one query per project.
CREATE TABLE progress_report_file (
    id           NUMBER(19)          NOT NULL,
    report_id    NUMBER(19)          NOT NULL,
    project_id   NUMBER(19)          NOT NULL,
    file_no      NUMBER(1)           NOT NULL,
    name         VARCHAR2(255 CHAR)  NOT NULL,
    size_bytes   NUMBER(12)          NOT NULL,
    sha256       VARCHAR2(64 CHAR)   NOT NULL,
    uploaded_by  VARCHAR2(64 CHAR)   NOT NULL,
    created_at   TIMESTAMP(6)        NOT NULL,
    version      NUMBER(19) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_progress_report_file PRIMARY KEY (id),
    -- its index serves the foreign key on report_id too
    CONSTRAINT uk_progress_report_file UNIQUE (report_id, file_no),
    CONSTRAINT fk_progress_report_file_report FOREIGN KEY (report_id) REFERENCES progress_report (id),
    CONSTRAINT fk_progress_report_file_prj FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_progress_report_file_pos CHECK (file_no BETWEEN 1 AND 5),
    CONSTRAINT ck_progress_report_file_size CHECK (size_bytes > 0)
);
CREATE INDEX ix_progress_report_file_prj ON progress_report_file (project_id);

-- The PDF itself, streamed in and out by JDBC.
CREATE TABLE progress_report_file_content (
    file_id  NUMBER(19)  NOT NULL,
    content  BLOB        NOT NULL,
    CONSTRAINT pk_progress_report_file_cont PRIMARY KEY (file_id),
    CONSTRAINT fk_progress_report_file_cont FOREIGN KEY (file_id) REFERENCES progress_report_file (id)
);
