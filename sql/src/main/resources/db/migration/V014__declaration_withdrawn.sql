-- 已撤回 (WITHDRAWN): a submitted declaration the enterprise took back before the reviewer decided.

ALTER TABLE declaration DROP CONSTRAINT ck_declaration_state;
ALTER TABLE declaration ADD CONSTRAINT ck_declaration_state
    CHECK (state IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'REJECTED', 'WITHDRAWN'));
