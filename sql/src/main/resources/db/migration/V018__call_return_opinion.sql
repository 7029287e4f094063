-- 退回起草人: an approver may send a draft call back to its preparer with an opinion instead of publishing it. The call
-- stays a DRAFT (no new state: the preparer edits it as any draft and it can be published later); the last opinion,
-- who gave it and when are kept on the call and shown on its edit page. The audit trail keeps every one of them.

ALTER TABLE funding_call ADD (
    return_opinion VARCHAR2(1000 CHAR),
    returned_by    VARCHAR2(64 CHAR),
    returned_at    TIMESTAMP(6),
    CONSTRAINT ck_funding_call_returned CHECK ((return_opinion IS NULL AND returned_by IS NULL AND returned_at IS NULL)
        OR (return_opinion IS NOT NULL AND returned_by IS NOT NULL AND returned_at IS NOT NULL))
);
