-- 预拨 (issue 13): a PRE_APPROVED project whose call sets an advance share is paid an ADVANCE once its task agreement is
-- signed: a payment item of the project, not of a calculation run's line. Its balance after acceptance is a run's line
-- (tranche BALANCE) as before. An item is therefore either a run line's (run_id, position) or a project's advance
-- (project_id), never both; a project has one advance at most (the unique key: (NULL, NULL, 'ADVANCE', project) rows
-- differ by their project, and a run line's rows, whose project_id is NULL, still by (run_id, position, tranche)).
ALTER TABLE payment_item MODIFY (run_id NULL);
ALTER TABLE payment_item MODIFY (position NULL);
ALTER TABLE payment_item ADD project_id NUMBER(19);
ALTER TABLE payment_item ADD CONSTRAINT fk_payment_item_project FOREIGN KEY (project_id) REFERENCES project (id);
ALTER TABLE payment_item DROP CONSTRAINT uk_payment_item_line;
ALTER TABLE payment_item ADD CONSTRAINT uk_payment_item_line UNIQUE (run_id, position, tranche, project_id);
CREATE UNIQUE INDEX uk_payment_item_advance ON payment_item (project_id);
ALTER TABLE payment_item ADD CONSTRAINT ck_payment_item_origin CHECK (
    (tranche = 'ADVANCE' AND project_id IS NOT NULL AND run_id IS NULL AND position IS NULL)
    OR (tranche <> 'ADVANCE' AND project_id IS NULL AND run_id IS NOT NULL AND position IS NOT NULL));

-- The recoveries the product raises itself (a failed acceptance, a negative balance) name their project, once: a
-- project's advances are asked back at most once. A recovery raised by hand names no project.
DROP INDEX ix_recovery_project;
CREATE UNIQUE INDEX uk_recovery_project ON recovery (project_id);
