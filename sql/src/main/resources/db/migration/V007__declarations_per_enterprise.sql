-- A call's number of declarations per enterprise is one of its rule parameters (declarationsPerEnterprise, default 1;
-- only a PRE_APPROVED call may allow more). Calls made before it existed get the default, so that a draft call can
-- still change it like its other parameters.

UPDATE funding_call
   SET rule_parameters = 'declarationsPerEnterprise=1' || CHR(10) || rule_parameters
 WHERE rule_parameters IS NOT NULL
   AND rule_parameters NOT LIKE '%declarationsPerEnterprise=%';
