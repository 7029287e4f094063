-- How long a project's MIDTERM and ACCEPTANCE evaluations take (issue 11): two rule parameters of a PRE_APPROVED call,
-- evaluationDays.MIDTERM and evaluationDays.ACCEPTANCE (default 30 calendar days from the day of assignment). Calls made
-- before they existed get the defaults, so that a draft call can still change them like its other parameters.
UPDATE funding_call
   SET rule_parameters = 'evaluationDays.ACCEPTANCE=30' || CHR(10) || 'evaluationDays.MIDTERM=30' || CHR(10) || rule_parameters
 WHERE rule_parameters IS NOT NULL
   AND rule_parameters NOT LIKE '%evaluationDays.MIDTERM=%'
   AND program_id IN (SELECT id FROM program WHERE subsidy_kind = 'PRE_APPROVED');
