-- 业务科室: the department a bureau user works in, shown with the person's name wherever the bureau's work is named
-- (an enterprise sees which department handles its declaration, the bureau sees who). Optional: an agency's or an
-- enterprise's users, and bureau users entered before this script, have none until the administrator sets it.

ALTER TABLE user_account ADD (department VARCHAR2(100 CHAR));
