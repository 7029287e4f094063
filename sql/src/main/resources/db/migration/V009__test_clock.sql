-- How far integration and browser tests have moved the server's clock forward ("the call closes", "the publicity
-- period ends" without sleeping). Read only when the test flag innofund.test-clock is on, which only the tests'
-- domain sets; the product never reads or writes it. One row, in the database, so that every server of a cluster
-- moves together.

CREATE TABLE test_clock (
    id              NUMBER(1)  NOT NULL,
    offset_seconds  NUMBER(12) NOT NULL,
    CONSTRAINT pk_test_clock PRIMARY KEY (id),
    CONSTRAINT ck_test_clock_single CHECK (id = 1),
    CONSTRAINT ck_test_clock_offset CHECK (offset_seconds >= 0)
);
INSERT INTO test_clock (id, offset_seconds) VALUES (1, 0);
