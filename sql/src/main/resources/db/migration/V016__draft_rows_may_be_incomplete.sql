-- A draft keeps every row as the enterprise left it (issue 9, item 7): a budget line, an achievement or a service
-- record may be half filled, or still empty, until submission, which checks them all (the CHECKs on amounts stay).
ALTER TABLE declaration_budget_line MODIFY (category NULL);
ALTER TABLE declaration_budget_line MODIFY (source NULL);
ALTER TABLE declaration_budget_line MODIFY (amount NULL);
ALTER TABLE declaration_achievement MODIFY (achievement NULL);
ALTER TABLE declaration_achievement MODIFY (certificate_no NULL);
ALTER TABLE declaration_achievement MODIFY (recognised_on NULL);
ALTER TABLE declaration_service_record MODIFY (provider_name NULL);
ALTER TABLE declaration_service_record MODIFY (provider_uscc NULL);
ALTER TABLE declaration_service_record MODIFY (invoice_no NULL);
ALTER TABLE declaration_service_record MODIFY (invoice_date NULL);
ALTER TABLE declaration_service_record MODIFY (amount NULL);
