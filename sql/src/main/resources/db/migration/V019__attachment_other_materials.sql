-- 其他材料: files the call did not list, several per declaration, each with a short description of what it is. They are
-- attachments like the others (same checks, same table, same content store) under the reserved requirement name
-- 其他材料, which no call may list from now on; only they carry a description (the service requires one). The CHECK
-- does not demand the description: a call made before this script may have listed a requirement of that name.

ALTER TABLE attachment ADD (
    description VARCHAR2(200 CHAR),
    CONSTRAINT ck_attachment_description CHECK (description IS NULL OR requirement = '其他材料')
);
