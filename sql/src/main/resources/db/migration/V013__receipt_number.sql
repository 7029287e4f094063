-- 申报编号 (receipt number), given to a declaration at its first submission, e.g. CXKJ-2026-SB-000107: the bureau's
-- prefix, the call's year and the place among that year's submissions. The places come from one counter row per
-- year, locked and moved on in the submitting transaction, so they have no gaps (a rolled-back submission gives its
-- number back) and no repeats; the unique constraint is the last guard against a repeat.

ALTER TABLE declaration ADD receipt_no VARCHAR2(30 CHAR);
ALTER TABLE declaration ADD CONSTRAINT uk_declaration_receipt_no UNIQUE (receipt_no);

CREATE TABLE receipt_counter (
    receipt_year  NUMBER(4)            NOT NULL,
    last_number   NUMBER(9) DEFAULT 0  NOT NULL,
    CONSTRAINT pk_receipt_counter PRIMARY KEY (receipt_year),
    CONSTRAINT ck_receipt_counter_year CHECK (receipt_year BETWEEN 2000 AND 9999),
    CONSTRAINT ck_receipt_counter_number CHECK (last_number >= 0)
);

-- Declarations submitted before numbers existed get theirs now, in the order of their first submission, with the
-- default prefix (the configured one applies from here on), and each year's counter continues after them.
UPDATE declaration d
   SET receipt_no = (
       SELECT 'CXKJ-' || n.call_year || '-SB-' || LPAD(TO_CHAR(n.place), 6, '0')
         FROM (SELECT x.id, c.call_year,
                      ROW_NUMBER() OVER (PARTITION BY c.call_year ORDER BY f.first_submitted, x.id) AS place
                 FROM declaration x
                 JOIN funding_call c ON c.id = x.call_id
                 JOIN (SELECT declaration_id, MIN(occurred_at) AS first_submitted
                         FROM declaration_transition
                        WHERE to_state = 'SUBMITTED'
                        GROUP BY declaration_id) f ON f.declaration_id = x.id) n
        WHERE n.id = d.id)
 WHERE d.revision > 0;

INSERT INTO receipt_counter (receipt_year, last_number)
SELECT c.call_year, COUNT(*)
  FROM declaration x
  JOIN funding_call c ON c.id = x.call_id
 WHERE x.receipt_no IS NOT NULL
 GROUP BY c.call_year;
