-- The four-eyes rule (四眼原则: who prepared a call cannot publish it) cannot be switched off: every call names the
-- user who prepared it. A call stored without one (before V004 recorded it) is ascribed to '(unknown)', which no
-- user can be called (a username has no parentheses): any user may then publish it, as before, but the column
-- never again holds "nobody to compare with".

UPDATE funding_call SET created_by = '(unknown)' WHERE created_by IS NULL;
ALTER TABLE funding_call MODIFY (created_by NOT NULL);
