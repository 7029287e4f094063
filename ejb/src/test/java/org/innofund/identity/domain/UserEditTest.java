package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator's edit of a user: which role sets fit which organisation, and what an edit ends. */
class UserEditTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static Organisation organisation(OrganisationKind kind) {
        return switch (kind) {
            case BUREAU -> UserAccountTest.bureau();
            case ENTERPRISE -> UserAccountTest.enterprise();
            case AGENCY -> UserAccountTest.agency();
        };
    }

    private static Role firstRoleOf(OrganisationKind kind) {
        return switch (kind) {
            case BUREAU -> Role.REVIEWER;
            case ENTERPRISE -> Role.ENTERPRISE;
            case AGENCY -> Role.AGENCY;
        };
    }

    private static UserAccount user(OrganisationKind kind) {
        return new UserAccount("wang.fang", "王芳", "HASH", organisation(kind), Set.of(firstRoleOf(kind)), NOW);
    }

    /** Every set of roles (the empty one included) for every organisation kind: 64 x 3 cases. */
    static Stream<Arguments> everyRoleSetForEveryKind() {
        Role[] all = Role.values();
        List<Arguments> cases = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (int mask = 0; mask < 1 << all.length; mask++) {
                EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                for (int i = 0; i < all.length; i++) {
                    if ((mask & 1 << i) != 0) {
                        roles.add(all[i]);
                    }
                }
                cases.add(Arguments.of(kind, roles));
            }
        }
        return cases.stream();
    }

    /**
     * Any non-empty set of the roles of the organisation's kind is accepted, anything else refused: a bureau user
     * may review and approve at once (the four-eyes rule is by person), an enterprise's user never gets a bureau role.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleSetForEveryKind")
    void aRoleSetIsAcceptedExactlyWhenItIsNonEmptyAndFitsTheOrganisationKind(OrganisationKind kind, Set<Role> roles) {
        boolean fits = !roles.isEmpty() && Role.possibleFor(kind).containsAll(roles);
        UserAccount u = user(kind);
        if (fits) {
            u.edit("王芳", null, roles);
            assertEquals(roles, u.getRoles());
        } else {
            BusinessException e = assertThrows(BusinessException.class, () -> u.edit("王芳", null, roles));
            assertEquals(BusinessException.Kind.INVALID, e.kind());
            assertEquals(roles.isEmpty() ? "user.noRole" : "user.roleDoesNotFitOrganisation", e.messageKey());
            assertEquals(Set.of(firstRoleOf(kind)), u.getRoles(), "a refused edit changes nothing");
            assertEquals(0, u.getSessionEpoch());
        }
    }

    @Test
    void thePossibleRolesFollowTheOrganisationKind() {
        assertEquals(EnumSet.of(Role.REVIEWER, Role.APPROVER, Role.FINANCE, Role.ADMIN), Role.possibleFor(OrganisationKind.BUREAU));
        assertEquals(EnumSet.of(Role.ENTERPRISE), Role.possibleFor(OrganisationKind.ENTERPRISE));
        assertEquals(EnumSet.of(Role.AGENCY), Role.possibleFor(OrganisationKind.AGENCY));
    }

    @Test
    void newRolesEndTheSessionsOpenedWithTheOldOnes() {
        UserAccount u = user(OrganisationKind.BUREAU);
        assertTrue(u.edit("王芳", "高新技术科", EnumSet.of(Role.REVIEWER, Role.APPROVER)));
        assertEquals(1, u.getSessionEpoch());
        assertTrue(u.edit("王芳", "高新技术科", EnumSet.of(Role.APPROVER)));
        assertEquals(Set.of(Role.APPROVER), u.getRoles());
        assertEquals(2, u.getSessionEpoch());
    }

    @Test
    void aNameOrDepartmentAloneLeavesTheSessionsOpen() {
        UserAccount u = user(OrganisationKind.BUREAU);
        assertFalse(u.edit("  王 芳 ", "  高新技术科 ", Set.of(Role.REVIEWER)));
        assertEquals("王 芳", u.getDisplayName());
        assertEquals("高新技术科", u.getDepartment().orElseThrow());
        assertEquals(0, u.getSessionEpoch());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aBlankDepartmentIsNone(String department) {
        UserAccount u = user(OrganisationKind.BUREAU);
        u.edit("王芳", "高新技术科", Set.of(Role.REVIEWER));
        u.edit("王芳", department, Set.of(Role.REVIEWER));
        assertTrue(u.getDepartment().isEmpty());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aNameIsRequired(String name) {
        UserAccount u = user(OrganisationKind.BUREAU);
        BusinessException e = assertThrows(BusinessException.class, () -> u.edit(name, "科", Set.of(Role.ADMIN)));
        assertEquals("user.displayNameRequired", e.messageKey());
        assertEquals("王芳", u.getDisplayName());
        assertEquals(Set.of(Role.REVIEWER), u.getRoles());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"REVIEWER", "APPROVER", "FINANCE"})
    void anAdministratorIsOneWhileEnabledWithTheAdminRole(Role other) {
        UserAccount u = user(OrganisationKind.BUREAU);
        assertFalse(u.isActiveAdministrator());
        u.edit("王芳", null, EnumSet.of(other, Role.ADMIN));
        assertTrue(u.isActiveAdministrator());
        u.disable();
        assertFalse(u.isActiveAdministrator(), "a disabled administrator cannot administer");
        u.enable();
        u.edit("王芳", null, EnumSet.of(other));
        assertFalse(u.isActiveAdministrator());
    }
}
