-- 单位信息: an enterprise keeps its address and legal representative (法定代表人) on its profile page, next to the
-- contact person it gave at registration. Optional: organisations registered before this script have none until their
-- users add them. Name and USCC stay as registered (changing them is a matter for the bureau).

ALTER TABLE organisation ADD (
    address              VARCHAR2(200 CHAR),
    legal_representative VARCHAR2(100 CHAR)
);
