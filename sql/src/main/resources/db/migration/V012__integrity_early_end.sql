-- An integrity (blacklist) entry can be ended early, with a reason. The entry keeps its original period; the end is
-- recorded beside it (the day from which it no longer holds, who ended it, why and when), so the history shows both.
-- Either all four end columns are filled or none; an entry cannot end after its own last day.

ALTER TABLE integrity_record ADD (
    ended_on    DATE,
    ended_by    VARCHAR2(64 CHAR),
    end_reason  VARCHAR2(1000 CHAR),
    ended_at    TIMESTAMP(6)
);
ALTER TABLE integrity_record ADD CONSTRAINT ck_integrity_end_complete CHECK (
    (ended_on IS NULL AND ended_by IS NULL AND end_reason IS NULL AND ended_at IS NULL)
    OR (ended_on IS NOT NULL AND ended_by IS NOT NULL AND end_reason IS NOT NULL AND ended_at IS NOT NULL));
ALTER TABLE integrity_record ADD CONSTRAINT ck_integrity_end_early CHECK (ended_on IS NULL OR ended_on <= valid_until);
