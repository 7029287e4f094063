package org.innofund.evaluation.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyProfileTest {

    @Test
    void aSuspensionHasItsReasonAndAResumptionClearsIt() {
        AgencyProfile agency = new AgencyProfile(3L, Instant.EPOCH);
        assertFalse(agency.isSuspended());
        assertEquals("agency.reasonRequired", assertThrows(BusinessException.class, () -> agency.suspend(" ")).messageKey());
        assertEquals("agency.notSuspended", assertThrows(BusinessException.class, agency::resume).messageKey());
        agency.suspend(" 报告质量不合格 ");
        assertTrue(agency.isSuspended());
        assertEquals("报告质量不合格", agency.getSuspensionReason());
        assertEquals("agency.alreadySuspended", assertThrows(BusinessException.class, () -> agency.suspend("again")).messageKey());
        agency.resume();
        assertFalse(agency.isSuspended());
        assertNull(agency.getSuspensionReason());
    }

    @Test
    void aRelationshipNeedsItsKindSourceAndDate() {
        java.time.LocalDate since = java.time.LocalDate.of(2024, 1, 1);
        assertEquals("relationship.sourceRequired", assertThrows(BusinessException.class, () -> new AgencyRelationship(3L, 2L,
                RelationshipKind.SHAREHOLDING, "", since, "reviewer", Instant.EPOCH)).messageKey());
        assertEquals("relationship.kindRequired", assertThrows(BusinessException.class, () -> new AgencyRelationship(3L, 2L,
                null, "工商登记", since, "reviewer", Instant.EPOCH)).messageKey());
        assertEquals("relationship.sinceRequired", assertThrows(BusinessException.class, () -> new AgencyRelationship(3L, 2L,
                RelationshipKind.SHAREHOLDING, "工商登记", null, "reviewer", Instant.EPOCH)).messageKey());
        AgencyRelationship tie = new AgencyRelationship(3L, 2L, RelationshipKind.SHAREHOLDING, " 工商登记 ", since, "reviewer",
                Instant.EPOCH);
        assertEquals(new Relationship(RelationshipKind.SHAREHOLDING, "工商登记", since), tie.tie());
    }

    @Test
    void aDescriptionNeedsAQualificationAndAFieldAndNamesWhatChanged() {
        AgencyProfile agency = new AgencyProfile(3L, Instant.EPOCH);
        java.util.Set<org.innofund.declaration.domain.ProjectField> appliances =
                java.util.Set.of(org.innofund.declaration.domain.ProjectField.SMART_APPLIANCES);
        assertEquals("agency.qualificationRequired", assertThrows(BusinessException.class,
                () -> agency.describe(" ", appliances)).messageKey());
        assertEquals("agency.qualificationTooLong", assertThrows(BusinessException.class,
                () -> agency.describe("资".repeat(AgencyProfile.QUALIFICATION_MAX + 1), appliances)).messageKey());
        assertEquals("agency.fieldsRequired", assertThrows(BusinessException.class,
                () -> agency.describe("甲级", java.util.Set.of())).messageKey());
        assertEquals(java.util.List.of("qualification", "fields"), agency.describe(" 甲级 ", appliances));
        assertEquals("甲级", agency.getQualification());
        assertEquals(java.util.List.of(), agency.describe("甲级", appliances));
        assertEquals(java.util.List.of("fields"), agency.describe("甲级",
                java.util.Set.of(org.innofund.declaration.domain.ProjectField.AUTOMOTIVE)));
        assertEquals(java.util.List.of("qualification"), agency.describe("资".repeat(AgencyProfile.QUALIFICATION_MAX),
                java.util.Set.of(org.innofund.declaration.domain.ProjectField.AUTOMOTIVE)));
        assertEquals(java.util.Set.of(org.innofund.declaration.domain.ProjectField.AUTOMOTIVE), agency.getFields());
    }

    /** What the longest qualification takes in Oracle: a VARCHAR2 holds 4,000 bytes whatever its CHAR length. */
    @Test
    void theLongestQualificationFitsAnOracleVarchar2InChinese() {
        String longest = "资".repeat(AgencyProfile.QUALIFICATION_MAX);
        assertTrue(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 4000, "bytes in AL32UTF8");
    }
}
